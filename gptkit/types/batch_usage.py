"""``BatchUsage``: the tokens a batch used, for batches created after the usage field arrived."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["BatchUsage", "InputTokensDetails", "OutputTokensDetails"]


class InputTokensDetails(APIObject):
    """Input tokens served from the prompt cache."""

    cached_tokens: int = 0


class OutputTokensDetails(APIObject):
    """Output tokens spent on reasoning."""

    reasoning_tokens: int = 0


class BatchUsage(APIObject):
    """Input, output and total tokens of every request of a batch."""

    input_tokens: int = 0
    input_tokens_details: InputTokensDetails | None = None
    output_tokens: int = 0
    output_tokens_details: OutputTokensDetails | None = None
    total_tokens: int = 0
