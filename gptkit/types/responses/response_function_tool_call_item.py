"""A function call as ``input_items.list`` returns it (with its item id)."""

from __future__ import annotations

from gptkit.types.responses.response_function_tool_call import ResponseFunctionToolCall

__all__ = ["ResponseFunctionToolCallItem"]


class ResponseFunctionToolCallItem(ResponseFunctionToolCall):
    """A stored ``function_call`` item."""

    id: str = ""  # always set on stored items
    created_by: str | None = None
