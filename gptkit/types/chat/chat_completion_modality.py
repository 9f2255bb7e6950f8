"""``ChatCompletionModality``: an output modality (text or audio)."""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["ChatCompletionModality"]

ChatCompletionModality: TypeAlias = Literal["text", "audio"]
