"""A text or image part to classify (at the official path)."""

from __future__ import annotations

from gptkit.types.moderation_create_params import ModerationMultiModalInputParam

__all__ = ["ModerationMultiModalInputParam"]
