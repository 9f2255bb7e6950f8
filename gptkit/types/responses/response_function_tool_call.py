"""A call of one of the caller's functions (``function_call`` output item)."""

from __future__ import annotations

from typing import Any, Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseFunctionToolCall"]


class ResponseFunctionToolCall(APIObject):
    """The model asks for a function to be called; answer with a ``function_call_output`` item
    carrying the same ``call_id``. ``arguments`` is a JSON string."""

    type: Literal["function_call"] = "function_call"
    id: str | None = None
    call_id: str = ""
    name: str = ""
    arguments: str = ""
    status: str | None = None
    namespace: str | None = None
    caller: Any = None
