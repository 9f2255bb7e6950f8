"""``DefaultHttpxClient`` / ``DefaultAsyncHttpxClient``: httpx clients with gptkit's defaults.

The official package's names for "an ``http_client=`` like the one the client would build, with
one thing changed" (a proxy, certificates, event hooks): programs pass them as ``http_client=``.
The official package also offers ``DefaultHttpx2Client`` / ``DefaultAsyncHttpx2Client`` for its
``httpx2`` stack; gptkit runs on httpx, so its functions of those names build the httpx clients
above (``OpenAI(http_client=DefaultHttpx2Client(...))`` runs unchanged).
"""

from __future__ import annotations

from typing import Any

import httpx

from gptkit._core._config import DEFAULT_TIMEOUT
from gptkit._core._options import DEFAULT_LIMITS

__all__ = [
    "DefaultAsyncHttpx2Client",
    "DefaultAsyncHttpxClient",
    "DefaultHttpx2Client",
    "DefaultHttpxClient",
]


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


def _as_httpx(kwargs: dict[str, Any]) -> dict[str, Any]:
    """httpx2's ``Timeout`` and ``Limits`` (same attributes, another package) as httpx's."""
    timeout = kwargs.get("timeout")
    if timeout is not None and not isinstance(timeout, (int, float, httpx.Timeout, tuple)):
        kwargs["timeout"] = httpx.Timeout(connect=timeout.connect, read=timeout.read, write=timeout.write,
                                          pool=timeout.pool)
    limits = kwargs.get("limits")
    if limits is not None and not isinstance(limits, httpx.Limits):
        kwargs["limits"] = httpx.Limits(max_connections=limits.max_connections,
                                        max_keepalive_connections=limits.max_keepalive_connections,
                                        keepalive_expiry=limits.keepalive_expiry)
    return kwargs


def DefaultHttpx2Client(**kwargs: Any) -> DefaultHttpxClient:
    """A ``DefaultHttpxClient`` (gptkit runs on httpx) for programs written for the official
    package's ``DefaultHttpx2Client``: the same options, ``timeout`` and ``limits`` given as
    httpx2 objects included."""
    return DefaultHttpxClient(**_as_httpx(kwargs))


def DefaultAsyncHttpx2Client(**kwargs: Any) -> DefaultAsyncHttpxClient:
    """The ``DefaultAsyncHttpxClient`` twin of ``DefaultHttpx2Client``."""
    return DefaultAsyncHttpxClient(**_as_httpx(kwargs))
