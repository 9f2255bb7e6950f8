"""``CompletionUsage``: the tokens a chat or text completion used."""

from __future__ import annotations

from pydantic import Field

from gptkit.types._base import APIObject

__all__ = ["CompletionTokensDetails", "CompletionUsage", "PromptTokensDetails"]


class CompletionTokensDetails(APIObject):
    """Breakdown of the completion tokens."""

    accepted_prediction_tokens: int | None = None
    audio_tokens: int | None = None
    reasoning_tokens: int | None = None
    rejected_prediction_tokens: int | None = None
    text_tokens: int | None = None


class PromptTokensDetails(APIObject):
    """Breakdown of the prompt tokens."""

    audio_tokens: int | None = None
    cache_write_tokens: int | None = None
    cached_tokens: int | None = None
    image_tokens: int | None = None
    text_tokens: int | None = None


class CompletionUsage(APIObject):
    """Token counts of a chat or text completion.

    ``estimated`` is True when gptkit estimated the counts because the server sent no usage; it
    is gptkit's own flag, so it is neither printed nor serialised (``to_dict``, ``model_dump``).
    """

    completion_tokens: int = 0
    prompt_tokens: int = 0
    total_tokens: int = 0
    completion_tokens_details: CompletionTokensDetails | None = None
    prompt_tokens_details: PromptTokensDetails | None = None
    estimated: bool = Field(default=False, repr=False, exclude=True)

    @property
    def cached_tokens(self) -> int:
        """Prompt tokens served from the provider's prompt cache (0 when not reported)."""
        details = self.prompt_tokens_details
        return (details.cached_tokens or 0) if details is not None else 0

    @property
    def reasoning_tokens(self) -> int:
        """Completion tokens spent on hidden reasoning (0 when not reported)."""
        details = self.completion_tokens_details
        return (details.reasoning_tokens or 0) if details is not None else 0
