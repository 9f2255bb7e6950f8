"""``ChatCompletionMessageFunctionToolCall``: the model asks for a function to be called."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ChatCompletionMessageFunctionToolCall", "Function"]


class Function(APIObject):
    """The function a tool call asks for, with its arguments as a JSON string."""

    arguments: str
    name: str


class ChatCompletionMessageFunctionToolCall(APIObject):
    """A function tool call; answer it with a ``tool`` message carrying its ``id``."""

    id: str
    function: Function
    type: str = "function"
