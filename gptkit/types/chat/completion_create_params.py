"""The parameters of ``chat.completions.create``, as TypedDicts.

They serve twice: mypy checks a call's keyword arguments against them, and pydantic validates the
same arguments at run time (bounds included) before anything is sent. Message and content-part
dicts may carry extra keys (providers add fields); the top level may not, so a misspelt parameter
is an error that names it. Pass provider-specific top-level fields through ``extra_body``.

The official names are here (``CompletionCreateParamsBase``, ``...NonStreaming``,
``...Streaming``, ``CompletionCreateParams``, ``ResponseFormat``, ``WebSearchOptions``...), with
gptkit's: ``ChatCompletionParseArgs`` (all but ``stream`` and ``response_format``, which
``parse`` takes as a model), ``ChatCompletionCreateArgs`` (all but ``stream``) and
``ChatCompletionCreateParams`` (all, ``stream`` as a plain bool: what ``create`` validates).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Literal, TypeAlias

from pydantic import Field, with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import CLOSED_PARAMS, OPEN_PARAMS
from gptkit.types.chat.chat_completion_audio_param import ChatCompletionAudioParam
from gptkit.types.chat.chat_completion_function_call_option_param import (
    ChatCompletionFunctionCallOptionParam,
)
from gptkit.types.chat.chat_completion_message_param import ChatCompletionMessageParam
from gptkit.types.chat.chat_completion_prediction_content_param import (
    ChatCompletionPredictionContentParam,
)
from gptkit.types.chat.chat_completion_stream_options_param import ChatCompletionStreamOptionsParam
from gptkit.types.chat.chat_completion_tool_choice_option_param import (
    ChatCompletionToolChoiceOptionParam,
)
from gptkit.types.chat.chat_completion_tool_union_param import ChatCompletionToolUnionParam
from gptkit.types.shared_params.function_parameters import FunctionParameters
from gptkit.types.shared_params.response_format_json_object import ResponseFormatJSONObject
from gptkit.types.shared_params.response_format_json_schema import ResponseFormatJSONSchema
from gptkit.types.shared_params.response_format_text import ResponseFormatText

__all__ = [
    "ChatCompletionCreateArgs",
    "ChatCompletionCreateParams",
    "ChatCompletionParseArgs",
    "CompletionCreateParams",
    "CompletionCreateParamsBase",
    "CompletionCreateParamsNonStreaming",
    "CompletionCreateParamsStreaming",
    "Function",
    "FunctionCall",
    "Moderation",
    "ModerationPolicy",
    "ModerationPolicyInput",
    "ModerationPolicyOutput",
    "PromptCacheOptions",
    "ResponseFormat",
    "WebSearchOptions",
    "WebSearchOptionsUserLocation",
    "WebSearchOptionsUserLocationApproximate",
]

#: ``"none"``, ``"auto"`` or ``{"name": ...}`` (the deprecated ``functions`` API).
FunctionCall: TypeAlias = Literal["none", "auto"] | ChatCompletionFunctionCallOptionParam


@with_config(OPEN_PARAMS)
class Function(TypedDict, total=False):
    """A function of the deprecated ``functions`` parameter."""

    name: Required[str]
    description: str
    parameters: FunctionParameters


@with_config(OPEN_PARAMS)
class ModerationPolicyInput(TypedDict, total=False):
    """Score or block the input."""

    mode: Required[Literal["score", "block"]]


@with_config(OPEN_PARAMS)
class ModerationPolicyOutput(TypedDict, total=False):
    """Score or block the output."""

    mode: Required[Literal["score", "block"]]


@with_config(OPEN_PARAMS)
class ModerationPolicy(TypedDict, total=False):
    """What moderation does with the input and the output."""

    input: ModerationPolicyInput | None
    output: ModerationPolicyOutput | None


@with_config(OPEN_PARAMS)
class Moderation(TypedDict, total=False):
    """Moderate this completion with ``model`` under ``policy``."""

    model: Required[str]
    policy: ModerationPolicy | None


@with_config(OPEN_PARAMS)
class PromptCacheOptions(TypedDict, total=False):
    """How the prompt is cached."""

    mode: Literal["implicit", "explicit"]
    ttl: Literal["30m"]


#: ``{"type": "text"}``, ``{"type": "json_object"}`` or ``{"type": "json_schema", ...}``.
ResponseFormat: TypeAlias = Annotated[
    ResponseFormatText | ResponseFormatJSONSchema | ResponseFormatJSONObject,
    Field(discriminator="type"),
]


@with_config(OPEN_PARAMS)
class WebSearchOptionsUserLocationApproximate(TypedDict, total=False):
    """Where the user roughly is."""

    city: str
    country: str
    region: str
    timezone: str


@with_config(OPEN_PARAMS)
class WebSearchOptionsUserLocation(TypedDict, total=False):
    """The user's approximate location, to localise searches."""

    approximate: Required[WebSearchOptionsUserLocationApproximate]
    type: Required[Literal["approximate"]]


@with_config(OPEN_PARAMS)
class WebSearchOptions(TypedDict, total=False):
    """Options of the web search of search models."""

    search_context_size: Literal["low", "medium", "high"]
    user_location: WebSearchOptionsUserLocation | None


_Penalty = Annotated[float, Field(ge=-2.0, le=2.0)]
_PositiveInt = Annotated[int, Field(ge=1)]


@with_config(CLOSED_PARAMS)
class _ChatCompletionArgsBase(TypedDict, total=False):
    """Every wire parameter of a chat completion except ``stream``, ``response_format`` and
    ``tools`` (``run_tools`` takes ``tools`` as a keyword of its own: it accepts functions)."""

    messages: Required[Annotated[Sequence[ChatCompletionMessageParam], Field(min_length=1)]]
    model: Required[Annotated[str, Field(min_length=1)]]
    audio: ChatCompletionAudioParam | None
    frequency_penalty: _Penalty | None
    function_call: FunctionCall
    functions: Sequence[Function]
    logit_bias: Mapping[str, Annotated[int, Field(ge=-100, le=100)]] | None
    logprobs: bool | None
    max_completion_tokens: _PositiveInt | None
    max_tokens: _PositiveInt | None
    metadata: Mapping[str, str] | None
    modalities: Sequence[Literal["text", "audio"]] | None
    moderation: Moderation | None
    n: Annotated[int, Field(ge=1, le=128)] | None
    parallel_tool_calls: bool
    prediction: ChatCompletionPredictionContentParam | None
    presence_penalty: _Penalty | None
    prompt_cache_key: str | None
    prompt_cache_options: PromptCacheOptions
    prompt_cache_retention: Literal["in_memory", "24h"] | None
    reasoning_effort: str | None
    safety_identifier: str | None
    seed: int | None
    service_tier: str | None
    stop: str | Sequence[str] | None
    store: bool | None
    stream_options: ChatCompletionStreamOptionsParam | None
    temperature: Annotated[float, Field(ge=0.0, le=2.0)] | None
    tool_choice: ChatCompletionToolChoiceOptionParam
    top_logprobs: Annotated[int, Field(ge=0, le=20)] | None
    top_p: Annotated[float, Field(ge=0.0, le=1.0)] | None
    user: str
    verbosity: Literal["low", "medium", "high"] | None
    web_search_options: WebSearchOptions


@with_config(CLOSED_PARAMS)
class ChatCompletionParseArgs(_ChatCompletionArgsBase, total=False):
    """Every wire parameter of a chat completion except ``stream`` and ``response_format``.

    ``chat.completions.parse`` and ``run_tools`` take ``response_format`` as a keyword of their
    own (a pydantic model), so they need the rest without it.
    """

    tools: Sequence[ChatCompletionToolUnionParam]


@with_config(CLOSED_PARAMS)
class ChatCompletionCreateArgs(ChatCompletionParseArgs, total=False):
    """Every wire parameter of a chat completion except ``stream``."""

    response_format: ResponseFormat


#: The official name of ``ChatCompletionCreateArgs``.
CompletionCreateParamsBase = ChatCompletionCreateArgs


@with_config(CLOSED_PARAMS)
class CompletionCreateParamsNonStreaming(ChatCompletionCreateArgs, total=False):
    """The parameters of a chat completion returned whole."""

    stream: Literal[False] | None


@with_config(CLOSED_PARAMS)
class CompletionCreateParamsStreaming(ChatCompletionCreateArgs):
    """The parameters of a streamed chat completion."""

    stream: Required[Literal[True]]


CompletionCreateParams: TypeAlias = CompletionCreateParamsNonStreaming | CompletionCreateParamsStreaming


@with_config(CLOSED_PARAMS)
class ChatCompletionCreateParams(ChatCompletionCreateArgs, total=False):
    """Every wire parameter of a chat completion, ``stream`` included (what ``create`` validates)."""

    stream: bool | None
