"""The parameters of ``images.create_variation`` (DALL-E 2)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = ["ImageCreateVariationFields", "ImageCreateVariationParams"]


@with_config(ConfigDict(extra="forbid"))
class ImageCreateVariationFields(TypedDict, total=False):
    """The form fields of ``images.create_variation`` (the image file aside)."""

    model: str
    n: Annotated[int, Field(ge=1, le=10)]
    response_format: str
    size: str
    user: str


class ImageCreateVariationParams(ImageCreateVariationFields, total=False):
    """Every parameter of ``images.create_variation``, the ``image`` file included."""

    image: Required[Any]
