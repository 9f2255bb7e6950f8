"""``ResponseToolSearchOutputItemParam``: the tools a tool search found, given back as input."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.tool import Tool

__all__ = ["ResponseToolSearchOutputItemParam"]


class ResponseToolSearchOutputItemParam(APIObject):
    """A ``tool_search_output`` item sent back: the tools found."""

    tools: list[Tool]
    type: Literal["tool_search_output"]
    id: str | None = None
    call_id: str | None = None
    execution: str | None = None
    status: str | None = None
