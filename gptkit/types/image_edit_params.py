"""The parameters of ``images.edit``: form fields plus the image (or images) and mask files."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = ["ImageEditArgs", "ImageEditFields", "ImageEditParams"]


@with_config(ConfigDict(extra="forbid"))
class ImageEditArgs(TypedDict, total=False):
    """The form fields of ``images.edit`` other than ``stream`` (files aside)."""

    prompt: Required[Annotated[str, Field(min_length=1)]]
    background: str
    complexity: str
    frame_count: Annotated[int, Field(ge=1)]
    frame_duration_ms: Annotated[int, Field(ge=1)]
    input_fidelity: str
    model: str
    n: Annotated[int, Field(ge=1, le=10)]
    output_compression: Annotated[int, Field(ge=0, le=100)]
    output_format: str
    partial_images: Annotated[int, Field(ge=0, le=3)]
    quality: str
    response_format: str
    safety_identifier: str
    size: str
    svg: Mapping[str, Any]
    user: str


@with_config(ConfigDict(extra="forbid"))
class ImageEditFields(ImageEditArgs, total=False):
    """The form fields of ``images.edit``: what is validated before sending (files aside)."""

    stream: bool


class ImageEditParams(ImageEditFields, total=False):
    """Every parameter of ``images.edit``: ``image`` (one file or a list), ``mask``, ``markup``."""

    image: Required[Any]
    mask: Any
    markup: Any
