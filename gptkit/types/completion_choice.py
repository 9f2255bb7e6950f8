"""``CompletionChoice``: one text of a legacy text completion."""

from __future__ import annotations

from gptkit.types._base import APIObject
from gptkit.types._content_filter_mixins import ChoiceContentFilter

__all__ = ["CompletionChoice", "Logprobs"]


class Logprobs(APIObject):
    """Log probabilities of a text completion's tokens."""

    text_offset: list[int] | None = None
    token_logprobs: list[float | None] | None = None
    tokens: list[str] | None = None
    top_logprobs: list[dict[str, float] | None] | None = None


class CompletionChoice(ChoiceContentFilter, APIObject):
    """One of the ``n`` texts of a completion (Azure: with ``content_filter_results``)."""

    finish_reason: str | None = None
    index: int = 0
    logprobs: Logprobs | None = None
    text: str = ""
