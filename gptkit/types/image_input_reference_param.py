"""An image given by reference (an uploaded file or a URL)."""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ["ImageInputReferenceParam"]


class ImageInputReferenceParam(TypedDict, total=False):
    """``file_id`` of an uploaded image, or ``image_url`` (a URL or a ``data:`` URL)."""

    file_id: str
    image_url: str
