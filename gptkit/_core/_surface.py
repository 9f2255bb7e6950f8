"""The official client's attributes and ``copy()``, over gptkit's resolved options.

``client.api_key``, ``client.base_url`` (settable), ``organization``, ``project``,
``default_headers``, ``default_query`` and ``copy()`` / ``with_options()`` read and change the
client's ``ClientConfig`` the way the official ``OpenAI`` client's do, so programs that inspect or
copy their client run unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, cast

import httpx

from gptkit._core._config import USER_AGENT, ClientConfig, normalize_base_url
from gptkit._core._options import derive_client
from gptkit._core._params import NOT_GIVEN, NotGiven
from gptkit._cost import KEEP, BudgetBackend, CostState, Ledger
from gptkit._retry import RetryPolicy

if TYPE_CHECKING:
    from typing_extensions import Self

    from gptkit._core._base import BaseClient

__all__ = ["OfficialSurface"]


class OfficialSurface:
    """Mixed into ``BaseClient``: the official client's option attributes and ``copy()``."""

    _config: ClientConfig
    _cost: CostState
    _urls: dict[str, httpx.URL]
    _price_provider: str | None

    def _detect_price_provider(self) -> str | None:
        raise NotImplementedError  # BaseClient's

    def _auth_headers(self) -> Mapping[str, str]:
        raise NotImplementedError  # BaseClient's

    @property
    def api_key(self) -> str:
        """The API key (empty for a client made with ``api_key=gptkit.NO_API_KEY``); with
        ``api_key=`` a function, the key it returned last (empty before the first call), as the
        official client reports it. Never shown in the client's repr."""
        return self._bearer_key()

    def _bearer_key(self) -> str:
        """The key sent as ``Authorization: Bearer`` (the provider's last one), or ""."""
        provider = self._config.api_key_provider
        if provider is not None:
            return provider.last
        return self._config.api_key.reveal() if self._config.api_key is not None else ""

    @property
    def base_url(self) -> httpx.URL:
        """Where calls go, with a trailing slash (as the official client shows it). Assign a
        string or URL to send this client's later calls elsewhere."""
        return httpx.URL(self._config.base_url + "/")

    @base_url.setter
    def base_url(self, url: str | httpx.URL) -> None:
        config = self._config.replace(base_url=normalize_base_url(url))
        self._config = config
        self._urls = {}
        self._price_provider = self._detect_price_provider()
        self._cost = self._cost.derive(config.base_url)  # priced by the new server; same ledger
        self._cost.provider = self._price_provider

    @property
    def workload_identity(self) -> Any:
        """The ``workload_identity=`` the client authenticates with (``gptkit.auth``), or None."""
        return self._config.workload_identity

    @property
    def organization(self) -> str | None:
        """The ``OpenAI-Organization`` header's value, or None."""
        return self._config.organization

    @property
    def project(self) -> str | None:
        """The ``OpenAI-Project`` header's value, or None."""
        return self._config.project

    @property
    def default_headers(self) -> dict[str, str]:
        """The headers every call carries besides the credentials (the user's ``default_headers``
        last, spelled as given)."""
        headers = {"Accept": "application/json", "Content-Type": "application/json", "User-Agent": USER_AGENT}
        if self._config.organization:
            headers["OpenAI-Organization"] = self._config.organization
        if self._config.project:
            headers["OpenAI-Project"] = self._config.project
        return {**headers, **self._config.default_headers}

    @property
    def auth_headers(self) -> dict[str, str]:
        """The credential headers every call carries (they hold the key: do not log them)."""
        key = self._bearer_key()
        bearer = {"Authorization": f"Bearer {key}"} if key else {}
        return {**bearer, **self._auth_headers()}  # Azure's api-key or token

    @property
    def user_agent(self) -> str:
        """The ``User-Agent`` gptkit sends."""
        return USER_AGENT

    @property
    def default_query(self) -> dict[str, object]:
        """The query parameters every call carries."""
        return dict(self._config.default_query)

    def with_options(
        self,
        *,
        api_key: str | Callable[[], Any] | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | NotGiven | None = NOT_GIVEN,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        http_client: httpx.Client | httpx.AsyncClient | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        retry: RetryPolicy | None = None,
        tags: Mapping[str, str] | None = None,
        budget: BudgetBackend | None = KEEP,
        prices: Any = KEEP,
        ledger: Ledger = KEEP,
        workload_identity: Any = None,
        **changes: Any,
    ) -> Self:
        """A copy with some options changed; ``copy()`` is the same method (the official name).

        Options follow the official ``copy()``: ``api_key``, ``organization``, ``project``,
        ``base_url``, ``max_retries`` and the rest left out (or ``None``) are kept,
        ``timeout=None`` means no timeout, ``default_headers``/``default_query`` merge into this
        client's and ``set_default_headers``/``set_default_query`` replace them. The copy shares
        this client's connection pool (unless given ``http_client=``), and its ledger, budget and
        prices unless given its own (``ledger=Ledger()``, ``budget=None`` ...). ``retry``
        replaces the ``RetryPolicy``; ``tags`` are added to this client's; ``**changes`` are
        other constructor options. A copy of a workload-identity client shares its token;
        ``workload_identity=`` gives the copy another identity, ``api_key=`` a key instead.
        """
        given = {"api_key": api_key, "organization": organization, "project": project,
                 "base_url": base_url, "timeout": timeout, "max_retries": max_retries,
                 "default_headers": default_headers, "set_default_headers": set_default_headers,
                 "default_query": default_query, "set_default_query": set_default_query,
                 "workload_identity": workload_identity}
        changes.update({k: v for k, v in given.items() if v is not None and v is not NOT_GIVEN})
        if timeout is None:
            changes["timeout"] = None  # given explicitly: no timeout
        clone = derive_client(cast("BaseClient", self), changes, retry=retry, tags=tags, budget=budget,
                              prices=prices, ledger=ledger, http_client=http_client)
        return cast("Self", clone)

    copy = with_options
