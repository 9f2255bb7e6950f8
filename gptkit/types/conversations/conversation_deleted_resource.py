"""The answer of ``conversations.delete``."""

from __future__ import annotations

from gptkit.types._base import ResponseObject

__all__ = ["ConversationDeletedResource"]


class ConversationDeletedResource(ResponseObject):
    """Which conversation was deleted."""

    id: str
    deleted: bool = False
    object: str = "conversation.deleted"
