"""The parameters of ``images.generate``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = [
    "ImageGenerateArgs",
    "ImageGenerateParams",
    "ImageGenerateParamsBase",
    "ImageGenerateParamsNonStreaming",
    "ImageGenerateParamsStreaming",
    "Svg",
    "SvgReasoning",
]


class _ImageArgs(TypedDict, total=False):
    """What ``images.generate`` and ``images.edit`` both take (each class below adds its own)."""

    prompt: Required[Annotated[str, Field(min_length=1)]]
    background: str
    complexity: str
    frame_count: Annotated[int, Field(ge=1)]
    frame_duration_ms: Annotated[int, Field(ge=1)]
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
class ImageGenerateArgs(_ImageArgs, total=False):
    """The parameters of ``images.generate`` other than ``stream`` (the method's own argument)."""

    moderation: str
    style: str


@with_config(ConfigDict(extra="forbid"))
class ImageGenerateParams(ImageGenerateArgs, total=False):
    """The parameters of ``images.generate``."""

    stream: bool


#: The official name of every parameter but ``stream``.
ImageGenerateParamsBase = ImageGenerateArgs


class ImageGenerateParamsNonStreaming(ImageGenerateArgs, total=False):
    """``images.generate`` answered in one piece."""

    stream: Literal[False]


class ImageGenerateParamsStreaming(ImageGenerateArgs):
    """``images.generate`` answered as a stream of partial images."""

    stream: Required[Literal[True]]


class SvgReasoning(TypedDict, total=False):
    """How hard the SVG's author model thinks (``svg={"reasoning": {"effort": ...}}``)."""

    effort: str


class Svg(TypedDict, total=False):
    """The ``svg`` parameter, with ``output_format="svg"``: the author model and its reasoning."""

    model: Required[str]
    """The model that authors the SVG (when SVG model selection is enabled)."""
    reasoning: SvgReasoning | None
