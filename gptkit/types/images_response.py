"""The answer of ``images.generate`` / ``edit`` / ``create_variation``."""

from __future__ import annotations

from gptkit.types._base import APIObject, BilledObject
from gptkit.types.image import Image

__all__ = ["ImagesResponse", "SvgUsage", "Usage", "UsageInputTokensDetails", "UsageOutputTokensDetails"]


class UsageInputTokensDetails(APIObject):
    """The input tokens split into image and text tokens."""

    image_tokens: int = 0
    text_tokens: int = 0


class UsageOutputTokensDetails(APIObject):
    """The output tokens split into image and text tokens."""

    image_tokens: int = 0
    text_tokens: int = 0


class Usage(APIObject):
    """Token usage of a GPT image model call (DALL-E calls report none)."""

    input_tokens: int = 0
    input_tokens_details: UsageInputTokensDetails | None = None
    output_tokens: int = 0
    total_tokens: int = 0
    output_tokens_details: UsageOutputTokensDetails | None = None


class SvgUsage(APIObject):
    """Token usage of the SVG rendering of an image, when one was asked for."""

    input_tokens: int = 0
    model: str | None = None
    output_tokens: int = 0
    reasoning_tokens: int = 0
    total_tokens: int = 0


class ImagesResponse(BilledObject):
    """The images made by one call; ``cost`` is priced from ``usage`` where the price is known."""

    created: int | None = None
    background: str | None = None
    data: list[Image] | None = None
    output_format: str | None = None
    quality: str | None = None
    safety_identifier: str | None = None
    size: str | None = None
    svg_usage: SvgUsage | None = None
    usage: Usage | None = None
