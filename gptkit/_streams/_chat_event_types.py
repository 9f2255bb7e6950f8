"""The typed events of ``chat.completions.stream(...)``, as the official package names them.

Iterating the stream gives, for each chunk, a ``ChunkEvent`` (the chunk and the completion so
far) followed by the events derived from it: text, refusal, tool-call argument and log-probability
deltas, and the matching ``...done`` events when a part is complete. A program tells them apart
by ``event.type``.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeAlias, TypeVar, Union

from gptkit.types._base import APIObject
from gptkit.types.chat.chat_completion_chunk import ChatCompletionChunk
from gptkit.types.chat.chat_completion_token_logprob import ChatCompletionTokenLogprob
from gptkit.types.chat.parsed_chat_completion import (
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
    ParsedChoice,
)

__all__ = [
    "ChatCompletionStreamEvent",
    "ChunkEvent",
    "ContentDeltaEvent",
    "ContentDoneEvent",
    "FunctionToolCallArgumentsDeltaEvent",
    "FunctionToolCallArgumentsDoneEvent",
    "LogprobsContentDeltaEvent",
    "LogprobsContentDoneEvent",
    "LogprobsRefusalDeltaEvent",
    "LogprobsRefusalDoneEvent",
    "ParsedChatCompletionMessageSnapshot",
    "ParsedChatCompletionSnapshot",
    "ParsedChoiceSnapshot",
    "RefusalDeltaEvent",
    "RefusalDoneEvent",
    "ResponseFormatT",
]

#: The ``response_format`` model of a stream (its ``content.done`` event's ``parsed``).
ResponseFormatT = TypeVar("ResponseFormatT")

#: The completion accumulated so far. Until the content is complete, ``message.parsed`` holds
#: the JSON parsed from the partial text; afterwards, the ``response_format`` model instance.
ParsedChatCompletionSnapshot: TypeAlias = ParsedChatCompletion[object]
#: One message of ``ParsedChatCompletionSnapshot``.
ParsedChatCompletionMessageSnapshot: TypeAlias = ParsedChatCompletionMessage[object]
#: One choice of ``ParsedChatCompletionSnapshot``.
ParsedChoiceSnapshot: TypeAlias = ParsedChoice[object]


class ChunkEvent(APIObject):
    """Every chunk as it arrives, with the completion accumulated so far."""

    type: Literal["chunk"]
    chunk: ChatCompletionChunk
    snapshot: ParsedChatCompletionSnapshot


class ContentDeltaEvent(APIObject):
    """A piece of a choice's text (``delta``), the text so far and its partial JSON parse."""

    type: Literal["content.delta"]
    delta: str
    snapshot: str
    parsed: object | None = None


class ContentDoneEvent(APIObject, Generic[ResponseFormatT]):
    """A choice's text is complete; ``parsed`` is the ``response_format`` model instance, if any."""

    type: Literal["content.done"]
    content: str
    parsed: ResponseFormatT | None = None


class RefusalDeltaEvent(APIObject):
    """A piece of a refusal, and the refusal so far."""

    type: Literal["refusal.delta"]
    delta: str
    snapshot: str


class RefusalDoneEvent(APIObject):
    """The whole refusal."""

    type: Literal["refusal.done"]
    refusal: str


class FunctionToolCallArgumentsDeltaEvent(APIObject):
    """A piece of a function tool call's JSON arguments (``arguments_delta``) and all so far."""

    type: Literal["tool_calls.function.arguments.delta"]
    name: str
    index: int
    arguments: str
    #: The arguments parsed so far (strict tools only, else None).
    parsed_arguments: object
    arguments_delta: str


class FunctionToolCallArgumentsDoneEvent(APIObject):
    """A function tool call's arguments are complete (parsed for strict and gptkit-made tools)."""

    type: Literal["tool_calls.function.arguments.done"]
    name: str
    index: int
    arguments: str
    parsed_arguments: object


class LogprobsContentDeltaEvent(APIObject):
    """Log probabilities of the text tokens of this chunk, and all so far."""

    type: Literal["logprobs.content.delta"]
    content: list[ChatCompletionTokenLogprob]
    snapshot: list[ChatCompletionTokenLogprob]


class LogprobsContentDoneEvent(APIObject):
    """Log probabilities of all the text tokens."""

    type: Literal["logprobs.content.done"]
    content: list[ChatCompletionTokenLogprob]


class LogprobsRefusalDeltaEvent(APIObject):
    """Log probabilities of the refusal tokens of this chunk, and all so far."""

    type: Literal["logprobs.refusal.delta"]
    refusal: list[ChatCompletionTokenLogprob]
    snapshot: list[ChatCompletionTokenLogprob]


class LogprobsRefusalDoneEvent(APIObject):
    """Log probabilities of all the refusal tokens."""

    type: Literal["logprobs.refusal.done"]
    refusal: list[ChatCompletionTokenLogprob]


#: Any event of a chat completion stream (tell them apart by ``event.type``).
ChatCompletionStreamEvent: TypeAlias = Union[  # noqa: UP007 - subscripted with ResponseFormatT
    ChunkEvent,
    ContentDeltaEvent,
    ContentDoneEvent[ResponseFormatT],
    RefusalDeltaEvent,
    RefusalDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
    LogprobsContentDeltaEvent,
    LogprobsContentDoneEvent,
    LogprobsRefusalDeltaEvent,
    LogprobsRefusalDoneEvent,
]
