"""gptkit's older names of chat types, kept so that code written against them keeps working."""

from __future__ import annotations

from gptkit.types.chat.chat_completion_chunk import Choice as ChunkChoice

__all__ = ["ChunkChoice"]
