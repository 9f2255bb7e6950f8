"""Legacy text completion responses (``POST /completions``)."""

from __future__ import annotations

from pydantic import AliasChoices, Field

from gptkit.types._base import APIObject, BilledObject
from gptkit.types.content_filter import ContentFilterResults, PromptFilterResult
from gptkit.types.shared import CompletionUsage

__all__ = ["Completion", "CompletionChoice", "CompletionLogprobs"]


class CompletionLogprobs(APIObject):
    """Log probabilities of a text completion's tokens."""

    text_offset: list[int] | None = None
    token_logprobs: list[float | None] | None = None
    tokens: list[str] | None = None
    top_logprobs: list[dict[str, float] | None] | None = None


class CompletionChoice(APIObject):
    """One of the ``n`` texts of a completion."""

    index: int = 0
    text: str = ""
    finish_reason: str | None = None
    logprobs: CompletionLogprobs | None = None
    #: Azure OpenAI's content-filter verdicts on this choice (None from other providers).
    content_filter_results: ContentFilterResults | None = None


class Completion(BilledObject):
    """A text completion; also the type of each chunk of a streamed one."""

    id: str = ""
    object: str = "text_completion"
    created: int = 0
    model: str = ""
    choices: list[CompletionChoice] = []
    usage: CompletionUsage | None = None
    system_fingerprint: str | None = None
    #: Azure OpenAI's content-filter verdicts on each prompt (None from other providers).
    prompt_filter_results: list[PromptFilterResult] | None = Field(
        default=None, validation_alias=AliasChoices("prompt_filter_results", "prompt_annotations")
    )
