"""What every resource shares: its client and the raw-response switch."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gptkit._core._client import AsyncClient, Client

__all__ = ["AsyncResource", "SyncResource"]


class _Resource:
    def __init__(self, client: Any) -> None:
        self._client = client
        self._raw = False

    @property
    def with_raw_response(self) -> Any:
        """This resource, returning ``APIResponse`` objects (status, headers, ``parse()``)."""
        clone = copy.copy(self)
        clone._raw = True
        return clone


class SyncResource(_Resource):
    """A resource of a ``Client``."""

    _client: Client


class AsyncResource(_Resource):
    """A resource of an ``AsyncClient``."""

    _client: AsyncClient
