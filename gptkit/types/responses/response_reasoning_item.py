"""The model's reasoning (``reasoning`` output item of reasoning models)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["Content", "ResponseReasoningItem", "Summary"]


class Summary(APIObject):
    """A summary of part of the reasoning."""

    type: Literal["summary_text"] = "summary_text"
    text: str = ""


class Content(APIObject):
    """Reasoning text (when the model shares it)."""

    type: Literal["reasoning_text"] = "reasoning_text"
    text: str = ""


class ResponseReasoningItem(APIObject):
    """Reasoning summaries, reasoning text, or only ``encrypted_content`` to send back later
    (``include=["reasoning.encrypted_content"]``) when responses are not stored."""

    type: Literal["reasoning"] = "reasoning"
    id: str = ""
    summary: list[Summary] = []
    content: list[Content] | None = None
    encrypted_content: str | None = None
    status: str | None = None
