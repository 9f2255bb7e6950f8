"""``ChatCompletionFunctionTool``: a function tool, as the API echoes it back."""

from __future__ import annotations

from gptkit.types._base import APIObject
from gptkit.types.shared.function_definition import FunctionDefinition

__all__ = ["ChatCompletionFunctionTool"]


class ChatCompletionFunctionTool(APIObject):
    """A function the model may call."""

    function: FunctionDefinition
    type: str = "function"
