"""A custom tool call as ``input_items.list`` returns it (with its item id and status)."""

from __future__ import annotations

from gptkit.types.responses.response_custom_tool_call import ResponseCustomToolCall

__all__ = ["ResponseCustomToolCallItem"]


class ResponseCustomToolCallItem(ResponseCustomToolCall):
    """A stored ``custom_tool_call`` item."""

    status: str | None = None
    created_by: str | None = None
