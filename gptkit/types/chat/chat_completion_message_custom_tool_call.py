"""``ChatCompletionMessageCustomToolCall``: the model calls a custom (free-form input) tool."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ChatCompletionMessageCustomToolCall", "Custom"]


class Custom(APIObject):
    """The custom tool's name and the input the model wrote for it."""

    input: str
    name: str


class ChatCompletionMessageCustomToolCall(APIObject):
    """A custom tool call; answer it with a ``tool`` message carrying its ``id``."""

    id: str
    custom: Custom
    type: str = "custom"
