"""``ChatCompletionTokenLogprob``: one output token's log probability and the likeliest others."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ChatCompletionTokenLogprob", "TopLogprob"]


class TopLogprob(APIObject):
    """One of the most likely tokens at a position."""

    token: str
    bytes: list[int] | None = None
    logprob: float


class ChatCompletionTokenLogprob(APIObject):
    """The log probability of one output token, with the most likely alternatives."""

    token: str
    bytes: list[int] | None = None
    logprob: float
    top_logprobs: list[TopLogprob] = []
