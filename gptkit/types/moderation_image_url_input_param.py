"""An image to classify (at the official path)."""

from __future__ import annotations

from gptkit.types.moderation_create_params import ImageURL, ModerationImageURLInputParam

__all__ = ["ImageURL", "ModerationImageURLInputParam"]
