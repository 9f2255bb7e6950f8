"""``ResponseToolSearchOutputItem``: the tools a tool search found (``tool_search_output`` item)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.tool import Tool

__all__ = ["ResponseToolSearchOutputItem"]


class ResponseToolSearchOutputItem(APIObject):
    """The tools ``tools`` a tool search loaded for the model."""

    id: str = ""
    call_id: str | None = None
    execution: str = "server"
    status: str | None = None
    tools: list[Tool] = []
    type: Literal["tool_search_output"] = "tool_search_output"
    created_by: str | None = None
