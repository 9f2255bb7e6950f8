"""A summary of reasoning, as a content part."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["SummaryTextContent"]


class SummaryTextContent(APIObject):
    """``{"type": "summary_text", "text": ...}``."""

    text: str = ""
    type: Literal["summary_text"] = "summary_text"
