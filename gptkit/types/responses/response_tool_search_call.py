"""``ResponseToolSearchCall``: the model searched for deferred tools (``tool_search_call`` item)."""

from __future__ import annotations

from typing import Any, Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseToolSearchCall"]


class ResponseToolSearchCall(APIObject):
    """A tool search with ``arguments``, run by the server or (``execution: "client"``) by the caller."""

    id: str = ""
    arguments: Any = None
    call_id: str | None = None
    execution: str = "server"
    status: str | None = None
    type: Literal["tool_search_call"] = "tool_search_call"
    created_by: str | None = None
