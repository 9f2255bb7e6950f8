"""The parameters of ``images.edit``: form fields plus the image (or images) and mask files."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = [
    "ImageEditArgs",
    "ImageEditFields",
    "ImageEditParams",
    "ImageEditParamsBase",
    "ImageEditParamsNonStreaming",
    "ImageEditParamsStreaming",
    "Svg",
    "SvgReasoning",
]


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


class ImageEditParamsBase(ImageEditArgs, total=False):
    """Every parameter of ``images.edit`` but ``stream``: the form fields and the files."""

    image: Required[Any]
    mask: Any
    markup: Any


class ImageEditParamsNonStreaming(ImageEditParamsBase, total=False):
    """``images.edit`` answered in one piece."""

    stream: Literal[False]


class ImageEditParamsStreaming(ImageEditParamsBase):
    """``images.edit`` answered as a stream of partial images."""

    stream: Required[Literal[True]]


class SvgReasoning(TypedDict, total=False):
    """How hard the SVG's author model thinks (``svg={"reasoning": {"effort": ...}}``)."""

    effort: str


class Svg(TypedDict, total=False):
    """The ``svg`` parameter, with ``output_format="svg"``: the author model and its reasoning."""

    model: str
    """The model that authors the SVG (when SVG model selection is enabled)."""
    reasoning: SvgReasoning | None
