"""``ChatModel``: the chat model names the API documents (``gptkit.types.shared.ChatModel``)."""

from __future__ import annotations

from gptkit.types.shared.chat_model import ChatModel

__all__ = ["ChatModel"]
