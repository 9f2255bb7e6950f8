"""The model's reasoning (``reasoning`` output item of reasoning models)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["Content", "ResponseReasoningItem", "Summary"]


class Summary(APIObject):
    """A summary of part of the reasoning."""

    text: str = ""
    type: Literal["summary_text"] = "summary_text"


class Content(APIObject):
    """Reasoning text (when the model shares it)."""

    text: str = ""
    type: Literal["reasoning_text"] = "reasoning_text"


class ResponseReasoningItem(APIObject):
    """Reasoning summaries, reasoning text, or only ``encrypted_content`` to send back later
    (``include=["reasoning.encrypted_content"]``) when responses are not stored."""

    id: str = ""
    summary: list[Summary] = []
    type: Literal["reasoning"] = "reasoning"
    content: list[Content] | None = None
    encrypted_content: str | None = None
    status: str | None = None
