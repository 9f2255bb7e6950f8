"""A plain text content part."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["TextContent"]


class TextContent(APIObject):
    """``{"type": "text", "text": ...}``."""

    text: str = ""
    type: Literal["text"] = "text"
