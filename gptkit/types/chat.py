"""Chat completion responses and stream chunks (``POST /chat/completions``)."""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, Field

from gptkit.types._base import APIObject, BilledObject
from gptkit.types.content_filter import ContentFilterResults, PromptFilterResult
from gptkit.types.shared import CompletionUsage

__all__ = [
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatCompletionMessage",
    "ChatCompletionMessageToolCall",
    "ChatCompletionTokenLogprob",
    "Choice",
    "ChoiceDelta",
    "ChoiceDeltaFunctionCall",
    "ChoiceDeltaToolCall",
    "ChoiceDeltaToolCallFunction",
    "ChoiceLogprobs",
    "ChunkChoice",
    "Function",
    "FunctionCall",
    "TopLogprob",
]


class TopLogprob(APIObject):
    """One of the most likely tokens at a position."""

    token: str
    logprob: float
    bytes: list[int] | None = None


class ChatCompletionTokenLogprob(APIObject):
    """The log probability of one output token, with the most likely alternatives."""

    token: str
    logprob: float
    bytes: list[int] | None = None
    top_logprobs: list[TopLogprob] = []


class ChoiceLogprobs(APIObject):
    """Log probabilities of a choice's content and refusal tokens."""

    content: list[ChatCompletionTokenLogprob] | None = None
    refusal: list[ChatCompletionTokenLogprob] | None = None


class Function(APIObject):
    """The function a tool call asks for, with its arguments as a JSON string."""

    name: str
    arguments: str
    #: The arguments validated into the tool's model, filled by ``parse`` (structured outputs).
    parsed_arguments: Any = None


class ChatCompletionMessageToolCall(APIObject):
    """A tool call the model made."""

    id: str
    type: str = "function"
    function: Function


class FunctionCall(APIObject):
    """The deprecated single ``function_call`` of older models."""

    name: str
    arguments: str


class ChatCompletionMessage(APIObject):
    """The message the model produced."""

    role: str = "assistant"
    content: str | None = None
    refusal: str | None = None
    tool_calls: list[ChatCompletionMessageToolCall] | None = None
    function_call: FunctionCall | None = None
    annotations: list[Any] | None = None
    audio: Any = None
    #: The content validated into the ``response_format`` model, filled by ``parse``.
    parsed: Any = None


class Choice(APIObject):
    """One of the ``n`` answers of a chat completion."""

    index: int = 0
    message: ChatCompletionMessage
    finish_reason: str | None = None
    logprobs: ChoiceLogprobs | None = None
    #: Azure OpenAI's content-filter verdicts on this choice (None from other providers).
    content_filter_results: ContentFilterResults | None = None


class ChatCompletion(BilledObject):
    """A chat completion: the answer(s), the model that gave them, and the tokens used."""

    id: str = ""
    object: str = "chat.completion"
    created: int = 0
    model: str = ""
    choices: list[Choice]
    usage: CompletionUsage | None = None
    system_fingerprint: str | None = None
    service_tier: str | None = None
    #: Azure OpenAI's content-filter verdicts on each prompt (None from other providers).
    prompt_filter_results: list[PromptFilterResult] | None = Field(
        default=None, validation_alias=AliasChoices("prompt_filter_results", "prompt_annotations")
    )


class ChoiceDeltaFunctionCall(APIObject):
    """A piece of a deprecated ``function_call`` in a stream."""

    name: str | None = None
    arguments: str | None = None


class ChoiceDeltaToolCallFunction(APIObject):
    """A piece of a tool call's function in a stream."""

    name: str | None = None
    arguments: str | None = None


class ChoiceDeltaToolCall(APIObject):
    """A piece of a tool call in a stream; pieces with the same ``index`` belong together."""

    index: int = 0
    id: str | None = None
    type: str | None = None
    function: ChoiceDeltaToolCallFunction | None = None


class ChoiceDelta(APIObject):
    """What one stream chunk adds to a choice's message."""

    role: str | None = None
    content: str | None = None
    refusal: str | None = None
    tool_calls: list[ChoiceDeltaToolCall] | None = None
    function_call: ChoiceDeltaFunctionCall | None = None


class ChunkChoice(APIObject):
    """One choice's part of a stream chunk."""

    index: int = 0
    delta: ChoiceDelta = ChoiceDelta()
    finish_reason: str | None = None
    logprobs: ChoiceLogprobs | None = None
    #: Azure OpenAI's content-filter verdicts on this piece of the choice.
    content_filter_results: ContentFilterResults | None = None


class ChatCompletionChunk(APIObject):
    """One event of a streamed chat completion.

    The last chunk of a stream that asked for usage has empty ``choices`` and carries ``usage``.
    """

    id: str = ""
    object: str = "chat.completion.chunk"
    created: int = 0
    model: str = ""
    choices: list[ChunkChoice] = []
    usage: CompletionUsage | None = None
    system_fingerprint: str | None = None
    service_tier: str | None = None
    #: Azure OpenAI's content-filter verdicts on each prompt (sent on the first chunk).
    prompt_filter_results: list[PromptFilterResult] | None = Field(
        default=None, validation_alias=AliasChoices("prompt_filter_results", "prompt_annotations")
    )
