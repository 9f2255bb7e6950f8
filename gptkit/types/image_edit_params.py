"""The parameters of ``images.edit``: form fields plus the image (or images) and mask files."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, with_config
from typing_extensions import Required, TypedDict

from gptkit.types.image_generate_params import _ImageArgs

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
class ImageEditArgs(_ImageArgs, total=False):
    """The form fields of ``images.edit`` other than ``stream`` (files aside)."""

    input_fidelity: str


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
