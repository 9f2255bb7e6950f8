"""``ChatCompletionChunk``: one event of a streamed chat completion."""

from __future__ import annotations

from pydantic import Field

from gptkit.types._base import APIObject
from gptkit.types._content_filter_mixins import ChoiceContentFilter, PromptContentFilter
from gptkit.types.chat.chat_completion import (
    Moderation,
    ModerationInput,
    ModerationInputError,
    ModerationInputModerationResults,
    ModerationInputModerationResultsResult,
    ModerationOutput,
    ModerationOutputError,
    ModerationOutputModerationResults,
    ModerationOutputModerationResultsResult,
)
from gptkit.types.chat.chat_completion_token_logprob import ChatCompletionTokenLogprob
from gptkit.types.completion_usage import CompletionUsage

__all__ = [
    "ChatCompletionChunk",
    "Choice",
    "ChoiceDelta",
    "ChoiceDeltaAudio",
    "ChoiceDeltaFunctionCall",
    "ChoiceDeltaToolCall",
    "ChoiceDeltaToolCallFunction",
    "ChoiceLogprobs",
    "Moderation",
    "ModerationInput",
    "ModerationInputError",
    "ModerationInputModerationResults",
    "ModerationInputModerationResultsResult",
    "ModerationOutput",
    "ModerationOutputError",
    "ModerationOutputModerationResults",
    "ModerationOutputModerationResultsResult",
]


class ChoiceDeltaAudio(APIObject):
    """A piece of an audio answer."""

    id: str | None = None
    data: str | None = None
    expires_at: int | None = None
    transcript: str | None = None


class ChoiceDeltaFunctionCall(APIObject):
    """A piece of a deprecated ``function_call``."""

    arguments: str | None = None
    name: str | None = None


class ChoiceDeltaToolCallFunction(APIObject):
    """A piece of a tool call's function."""

    arguments: str | None = None
    name: str | None = None


class ChoiceDeltaToolCall(APIObject):
    """A piece of a tool call; pieces with the same ``index`` belong together."""

    index: int = 0
    id: str | None = None
    function: ChoiceDeltaToolCallFunction | None = None
    type: str | None = None


class ChoiceDelta(APIObject):
    """What one chunk adds to a choice's message."""

    audio: ChoiceDeltaAudio | None = None
    content: str | None = None
    function_call: ChoiceDeltaFunctionCall | None = None
    refusal: str | None = None
    role: str | None = None
    tool_calls: list[ChoiceDeltaToolCall] | None = None


class ChoiceLogprobs(APIObject):
    """Log probabilities of the tokens in this chunk."""

    content: list[ChatCompletionTokenLogprob] | None = None
    refusal: list[ChatCompletionTokenLogprob] | None = None


class Choice(ChoiceContentFilter, APIObject):
    """One choice's part of a chunk (Azure: with ``content_filter_results``)."""

    # A factory, not ``ChoiceDelta()``: an instance here would build the schema at import.
    delta: ChoiceDelta = Field(default_factory=ChoiceDelta)
    index: int = 0
    finish_reason: str | None = None
    logprobs: ChoiceLogprobs | None = None


class ChatCompletionChunk(PromptContentFilter, APIObject):
    """One event of a streamed chat completion.

    The last chunk of a stream that asked for usage has empty ``choices`` and carries ``usage``.
    Azure sends ``prompt_filter_results`` on the first chunk.
    """

    id: str = ""
    choices: list[Choice] = []
    created: int = 0
    model: str = ""
    object: str = "chat.completion.chunk"
    moderation: Moderation | None = None
    obfuscation: str | None = None
    service_tier: str | None = None
    system_fingerprint: str | None = None
    usage: CompletionUsage | None = None
