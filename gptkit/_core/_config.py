"""Client options: environment lookup, defaults, and keeping the API key out of sight."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Final

import httpx

from gptkit._core._params import NOT_GIVEN, NotGiven
from gptkit._exceptions import ConfigurationError, MissingAPIKeyError
from gptkit._version import __version__

if TYPE_CHECKING:
    from gptkit._core._keys import KeyProvider

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "HTTPX_DEFAULT_TIMEOUT",
    "NO_API_KEY",
    "NO_TIMEOUT",
    "ClientConfig",
    "NoAPIKey",
    "USER_AGENT",
    "Secret",
    "coerce_timeout",
    "given_timeout",
    "normalize_base_url",
    "resolve_config",
]

DEFAULT_BASE_URL: Final = "https://api.openai.com/v1"
#: 600 s to read (long generations), 5 s to connect (fail fast on a dead host). Whole seconds,
#: as the official package spells it, so ``print(client.timeout)`` shows the same text.
DEFAULT_TIMEOUT: Final = httpx.Timeout(600, connect=5.0)
#: ``timeout=None`` given explicitly: wait as long as it takes (the official SDK's meaning).
NO_TIMEOUT: Final = httpx.Timeout(None)
#: httpx's own default; an ``http_client`` with any other timeout keeps it (as the official SDK does).
HTTPX_DEFAULT_TIMEOUT: Final = httpx.Timeout(5.0)
USER_AGENT: Final = f"gptkit/{__version__}"


class NoAPIKey:
    """Marker for servers that need no key (local models): pass ``api_key=gptkit.NO_API_KEY``.

    A missing key is otherwise an error at construction: gptkit never silently sends no key.
    """

    _instance: NoAPIKey | None = None

    def __new__(cls) -> NoAPIKey:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NO_API_KEY"


NO_API_KEY: Final = NoAPIKey()


class Secret:
    """Holds a secret string; its ``repr`` and ``str`` never show it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself, for building the request headers and nothing else."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> Any:  # pickling is allowed (multiprocessing); printing is not
        return (Secret, (self._value,))


@dataclass(frozen=True)
class ClientConfig:
    """The resolved options of a client (its retry policy aside). Immutable: ``with_options``
    makes a changed copy, of these fields."""

    api_key: Secret | None
    base_url: str
    organization: str | None
    project: str | None
    timeout: float | httpx.Timeout | None
    """The timeout as given (``client.timeout`` reports it, as the official client does)."""
    default_headers: Mapping[str, str] = field(default_factory=dict)
    default_query: Mapping[str, Any] = field(default_factory=dict)
    #: ``api_key=`` given as a callable: asked for the key before each attempt (``api_key`` is None).
    api_key_provider: KeyProvider | None = None
    #: ``workload_identity=`` as given (``client.workload_identity``); its token cache is
    #: ``api_key_provider.auth``.
    workload_identity: Any = field(default=None, repr=False, compare=False)
    http_timeout: httpx.Timeout = field(init=False, repr=False, compare=False)
    """The ``httpx.Timeout`` each request carries, from ``timeout`` (``coerce_timeout``)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "http_timeout", coerce_timeout(self.timeout))

    def __repr__(self) -> str:
        key = "None" if self.api_key is None else "'**********'"
        return f"ClientConfig(base_url={self.base_url!r}, api_key={key})"

    def replace(self, **changes: Any) -> ClientConfig:
        return replace(self, **changes)

    def headers(self) -> dict[str, str]:
        """The headers every request carries, the key included."""
        headers = {
            "accept": "application/json",
            "content-type": "application/json",
            "user-agent": USER_AGENT,
        }
        if self.api_key is not None:
            headers["authorization"] = f"Bearer {self.api_key.reveal()}"
        if self.organization:
            headers["openai-organization"] = self.organization
        if self.project:
            headers["openai-project"] = self.project
        headers.update({k.lower(): v for k, v in self.default_headers.items()})
        return headers


def coerce_timeout(timeout: object) -> httpx.Timeout:
    """A client's or a call's ``timeout`` as an ``httpx.Timeout``.

    Not given: the default. ``None``: no timeout. A number: that many seconds for every phase but
    connect, which stays short. A timeout object of another HTTP stack (the official package's
    ``httpx2.Timeout``) is read by its ``connect``/``read``/``write``/``pool`` attributes.
    """
    if isinstance(timeout, NotGiven):
        return DEFAULT_TIMEOUT
    if timeout is None:
        return NO_TIMEOUT
    if isinstance(timeout, httpx.Timeout):
        return timeout
    phases = _timeout_phases(timeout)
    if phases is not None:
        return httpx.Timeout(**phases)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise TypeError(f"timeout must be a positive number of seconds or httpx.Timeout, not {timeout!r}")
    return httpx.Timeout(float(timeout), connect=min(5.0, float(timeout)))


def given_timeout(timeout: object) -> float | httpx.Timeout | None:
    """``timeout`` as ``client.timeout`` reports it: the number, ``httpx.Timeout`` or None that
    was given (checked), the default when none was; another stack's timeout object as the
    ``httpx.Timeout`` gptkit reads from it."""
    effective = coerce_timeout(timeout)  # raises TypeError on a value that is no timeout
    if isinstance(timeout, NotGiven) or (timeout is not None and not isinstance(timeout, (int, float))):
        return effective
    return timeout


def _timeout_phases(timeout: object) -> dict[str, float | None] | None:
    # Duck-typed: gptkit does not import httpx2 (it is the official package's dependency, not ours).
    names = ("connect", "read", "write", "pool")
    if isinstance(timeout, (int, float)) or not all(hasattr(timeout, name) for name in names):
        return None
    phases: dict[str, float | None] = {}
    for name in names:
        value = getattr(timeout, name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            return None
        phases[name] = None if value is None else float(value)
    return phases


def normalize_base_url(base_url: object) -> str:
    """``base_url`` as a string without its trailing slash (``client.base_url`` adds one back)."""
    if not isinstance(base_url, (str, httpx.URL)) and not _is_url_object(base_url):
        raise TypeError(f"base_url must be a string or httpx.URL, not {type(base_url).__name__}")
    url = str(base_url).rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"base_url must start with http:// or https://, not {url!r}")
    return url


def _is_url_object(value: object) -> bool:
    # The official package's ``httpx2.URL``, by shape (see ``_timeout_phases``).
    return type(value).__name__ == "URL" and all(hasattr(value, name) for name in ("scheme", "host", "path"))


def _check_optional(name: str, value: object, kind: type, what: str) -> None:
    if value is not None and not isinstance(value, kind):
        raise TypeError(f"{name} must be {what}, not {type(value).__name__}")


def resolve_config(
    *,
    api_key: str | NoAPIKey | Callable[[], Any] | None,
    base_url: str | httpx.URL | None,
    organization: str | None,
    project: str | None,
    timeout: object = NOT_GIVEN,
    default_headers: Mapping[str, str] | None,
    default_query: Mapping[str, Any] | None,
    is_async: bool = False,
    workload_identity: Any = None,
) -> ClientConfig:
    """Resolve arguments and environment (``OPENAI_*``) into a ``ClientConfig``; ``api_key`` may
    be a callable returning the key (``is_async``: an async client's, which may be a coroutine
    function); ``workload_identity`` (``gptkit.auth``) replaces the key."""
    provider = None
    x509 = False
    if workload_identity is not None:
        from gptkit._core._keys import WORKLOAD_IDENTITY_API_KEY_PLACEHOLDER, workload_key_provider

        if api_key is not None and api_key != WORKLOAD_IDENTITY_API_KEY_PLACEHOLDER:
            raise ConfigurationError("The `api_key` and `workload_identity` arguments are mutually exclusive")
        provider = workload_key_provider(workload_identity, is_async=is_async)
        workload_identity = provider.auth.workload_identity
        x509 = workload_identity.get("type") == "x509"
        api_key = NO_API_KEY  # each attempt asks the token cache
    elif callable(api_key):
        from gptkit._core._keys import KeyProvider

        provider = KeyProvider(api_key, is_async=is_async)
        api_key = NO_API_KEY  # no fixed key: each attempt asks the provider
    if api_key is None:
        api_key = os.environ.get("OPENAI_API_KEY") or None
    if api_key is None:
        raise MissingAPIKeyError(
            "No API key: pass api_key=... or set OPENAI_API_KEY "
            "(for a local server that needs none, pass api_key=gptkit.NO_API_KEY)."
        )
    if not isinstance(api_key, (str, NoAPIKey)):
        raise TypeError(f"api_key must be a string or a function returning one, not {type(api_key).__name__}")
    _check_optional("organization", organization, str, "a string")
    _check_optional("project", project, str, "a string")
    _check_optional("default_headers", default_headers, Mapping, "a mapping of header names to values")
    _check_optional("default_query", default_query, Mapping, "a mapping of query parameters to values")
    url = normalize_base_url(base_url or os.environ.get("OPENAI_BASE_URL")
                             or (MTLS_API_BASE_URL if x509 else DEFAULT_BASE_URL))
    if x509:
        _check_x509(url, default_headers)
    return ClientConfig(
        api_key=None if isinstance(api_key, NoAPIKey) else Secret(api_key),
        base_url=url,
        organization=organization or os.environ.get("OPENAI_ORG_ID") or None,
        project=project or os.environ.get("OPENAI_PROJECT_ID") or None,
        timeout=given_timeout(timeout),
        default_headers=dict(default_headers or {}),
        default_query=dict(default_query or {}),
        api_key_provider=provider,
        workload_identity=workload_identity,
    )


#: Where X.509 workload identity calls go by default (the certificate is asked for there).
MTLS_API_BASE_URL = "https://mtls.api.openai.com/v1"


def _check_x509(url: str, default_headers: Mapping[str, str] | None) -> None:
    """An X.509 client's calls carry its token: only over HTTPS, to a URL without credentials,
    and with no other credential header beside it (the official client's rules)."""
    parsed = httpx.URL(url)
    if parsed.scheme != "https" or not parsed.host:
        raise ConfigurationError("X.509 workload identity requires an absolute HTTPS API URL")
    if parsed.userinfo:
        raise ConfigurationError("X.509 workload identity base URLs cannot contain user credentials")
    if any(name.lower().replace("_", "-") in ("api-key", "x-api-key", "proxy-authorization")
           for name in default_headers or {}):
        raise ConfigurationError("X.509 workload identity requests cannot include API-key or proxy "
                                 "credentials")
