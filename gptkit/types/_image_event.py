"""The fields every streamed image event carries (partial or completed, generation or edit)."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ImageEventFields"]


class ImageEventFields(APIObject):
    """An image streamed by ``images.generate(stream=True)`` or ``images.edit(stream=True)``."""

    b64_json: str | None = None
    background: str | None = None
    created_at: int | None = None
    output_format: str | None = None
    quality: str | None = None
    size: str | None = None
