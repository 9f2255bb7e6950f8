"""A text to classify (at the official path)."""

from __future__ import annotations

from gptkit.types.moderation_create_params import ModerationTextInputParam

__all__ = ["ModerationTextInputParam"]
