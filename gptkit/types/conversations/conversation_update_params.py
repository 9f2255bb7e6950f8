"""The parameters of ``conversations.update``."""

from __future__ import annotations

from gptkit.types.conversations.conversation_create_params import ConversationUpdateParams

__all__ = ["ConversationUpdateParams"]
