"""The moderation models the API names (at the official path)."""

from __future__ import annotations

from gptkit.types.moderation_create_params import ModerationModel

__all__ = ["ModerationModel"]
