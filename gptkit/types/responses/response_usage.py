"""Token usage of a response (input, cached input, output, reasoning)."""

from __future__ import annotations

from pydantic import Field

from gptkit.types._base import APIObject

__all__ = [
    "InputTokensDetails",
    "InputTokensDetailsCacheWriteTokensDetails",
    "OutputTokensDetails",
    "ResponseUsage",
]


class InputTokensDetailsCacheWriteTokensDetails(APIObject):
    """The tokens written to the prompt cache, by how long they stay there."""

    ttl_12h_tokens: int = 0
    ttl_30m_tokens: int = 0


class InputTokensDetails(APIObject):
    """Breakdown of the input tokens: those read from the prompt cache, and those written to it."""

    cache_write_tokens: int | None = None
    cached_tokens: int = 0
    cache_write_tokens_details: InputTokensDetailsCacheWriteTokensDetails | None = None


class OutputTokensDetails(APIObject):
    """Breakdown of the output tokens: those spent on hidden reasoning."""

    reasoning_tokens: int = 0


class ResponseUsage(APIObject):
    """Token counts of a response. ``input_tokens`` includes the cached ones and ``output_tokens``
    the reasoning ones (both are priced by ``response.cost``).

    ``estimated`` is True when gptkit estimated the counts because the server sent no usage; it
    is gptkit's, so it is neither printed nor dumped.
    """

    input_tokens: int = 0
    input_tokens_details: InputTokensDetails | None = None
    output_tokens: int = 0
    output_tokens_details: OutputTokensDetails | None = None
    total_tokens: int = 0
    estimated: bool = Field(default=False, repr=False, exclude=True)

    @property
    def cached_tokens(self) -> int:
        """Input tokens served from the provider's prompt cache (0 when not reported)."""
        details = self.input_tokens_details
        return details.cached_tokens if details is not None else 0

    @property
    def reasoning_tokens(self) -> int:
        """Output tokens spent on hidden reasoning (0 when not reported)."""
        details = self.output_tokens_details
        return details.reasoning_tokens if details is not None else 0
