"""``ChatModel`` for request parameters (the same names as ``gptkit.types.shared.ChatModel``)."""

from __future__ import annotations

from gptkit.types.shared.chat_model import ChatModel

__all__ = ["ChatModel"]
