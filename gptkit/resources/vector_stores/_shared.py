"""What the vector store resources share: endpoints, the ``OpenAI-Beta`` header, list queries."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit.pagination import AsyncCursorPage, AsyncPage, SyncCursorPage, SyncPage
from gptkit.resources._common import list_query
from gptkit.types._base import APIObject

__all__ = ["beta", "endpoint", "list_endpoints", "store_query"]


def beta(options: Mapping[str, Any]) -> dict[str, Any]:
    """Request options with ``OpenAI-Beta: assistants=v2``, which the API asks of these calls
    (a caller's own ``extra_headers`` win)."""
    return {
        **options,
        "extra_headers": {"OpenAI-Beta": "assistants=v2", **(options.get("extra_headers") or {})},
    }


def endpoint(
    method: str, path: str, response: type[APIObject], params: Any = None, call: str = ""
) -> Endpoint:
    return Endpoint(
        method=method,
        path=path,
        response=response,
        validator=None if params is None else ParamValidator(params, call),
    )


def list_endpoints(
    method: str, path: str, item: type[APIObject], *, cursor: bool = True, params: Any = None, call: str = ""
) -> tuple[Endpoint, Endpoint]:
    """The (sync, async) endpoints of a list: cursor pages, or one whole page."""
    sync: Any = SyncCursorPage[item] if cursor else SyncPage[item]  # type: ignore[valid-type]
    aio: Any = AsyncCursorPage[item] if cursor else AsyncPage[item]  # type: ignore[valid-type]
    return endpoint(method, path, sync, params, call), endpoint(method, path, aio, params, call)


def store_query(
    call: str,
    after: str | None,
    before: str | None,
    limit: int | None,
    order: str | None,
    filter: str | None = None,
) -> dict[str, Any]:
    """The query of a vector store list call (``limit`` 1 to 100)."""
    return list_query(call, after=after, before=before, limit=limit, order=order, filter=filter)
