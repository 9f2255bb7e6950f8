"""``DefaultHttpxClient`` / ``DefaultAsyncHttpxClient``: httpx clients with gptkit's defaults.

The official package's names for "an ``http_client=`` like the one the client would build, with
one thing changed" (a proxy, certificates, event hooks): programs pass them as ``http_client=``.
"""

from __future__ import annotations

from typing import Any

import httpx

from gptkit._core._config import DEFAULT_TIMEOUT
from gptkit._core._options import DEFAULT_LIMITS

__all__ = ["DefaultAsyncHttpxClient", "DefaultHttpxClient"]


def _defaults(kwargs: dict[str, Any]) -> dict[str, Any]:
    kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
    kwargs.setdefault("limits", DEFAULT_LIMITS)
    kwargs.setdefault("follow_redirects", True)
    return kwargs


class DefaultHttpxClient(httpx.Client):
    """An ``httpx.Client`` with gptkit's timeout, connection limits and redirects; any httpx
    option given (``proxy=``, ``verify=``, ``transport=``...) is added or replaces the default."""

    __module__ = "gptkit"  # printed as gptkit.DefaultHttpxClient, its public path

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_defaults(kwargs))


class DefaultAsyncHttpxClient(httpx.AsyncClient):
    """The ``httpx.AsyncClient`` twin of ``DefaultHttpxClient``, for ``AsyncClient(http_client=...)``."""

    __module__ = "gptkit"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_defaults(kwargs))
