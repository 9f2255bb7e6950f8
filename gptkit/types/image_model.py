"""The image models the API names (any other string is sent as given)."""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["ImageModel"]

ImageModel: TypeAlias = Literal[
    "gpt-image-1.5", "gpt-image-2", "gpt-image-1", "gpt-image-1-mini", "chatgpt-image-latest", "dall-e-2",
    "dall-e-3",
]
