"""``ChatCompletionDeleted``: the answer to ``chat.completions.delete``."""

from __future__ import annotations

from gptkit.types._base import ResponseObject

__all__ = ["ChatCompletionDeleted"]


class ChatCompletionDeleted(ResponseObject):
    """Which stored chat completion was deleted, and whether it was."""

    id: str
    deleted: bool = False
    object: str = "chat.completion.deleted"
