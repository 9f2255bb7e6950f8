"""The parameters of ``chat.completions.create``, as TypedDicts.

They serve twice: mypy checks a call's keyword arguments against them, and pydantic validates the
same arguments at run time (bounds included) before anything is sent. Message and content-part
dicts may carry extra keys (providers add fields); the top level may not, so a misspelt parameter
is an error that names it. Pass provider-specific top-level fields through ``extra_body``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = [
    "ChatCompletionAssistantMessageParam",
    "ChatCompletionContentPartImageParam",
    "ChatCompletionContentPartInputAudioParam",
    "ChatCompletionContentPartParam",
    "ChatCompletionContentPartRefusalParam",
    "ChatCompletionContentPartTextParam",
    "ChatCompletionCreateArgs",
    "ChatCompletionCreateParams",
    "ChatCompletionDeveloperMessageParam",
    "ChatCompletionFunctionMessageParam",
    "ChatCompletionMessageParam",
    "ChatCompletionMessageToolCallParam",
    "ChatCompletionNamedToolChoiceParam",
    "ChatCompletionParseArgs",
    "ChatCompletionStreamOptionsParam",
    "ChatCompletionSystemMessageParam",
    "ChatCompletionToolChoiceOptionParam",
    "ChatCompletionToolMessageParam",
    "ChatCompletionToolParam",
    "ChatCompletionUserMessageParam",
    "FunctionDefinition",
    "ResponseFormat",
    "ResponseFormatJSONSchema",
]

_OPEN = ConfigDict(extra="allow")
_CLOSED = ConfigDict(extra="forbid")


@with_config(_OPEN)
class ChatCompletionContentPartTextParam(TypedDict):
    type: Literal["text"]
    text: str


@with_config(_OPEN)
class _ImageURL(TypedDict, total=False):
    url: Required[str]
    detail: Literal["auto", "low", "high"]


@with_config(_OPEN)
class ChatCompletionContentPartImageParam(TypedDict):
    type: Literal["image_url"]
    image_url: _ImageURL


@with_config(_OPEN)
class _InputAudio(TypedDict):
    data: str
    format: str


@with_config(_OPEN)
class ChatCompletionContentPartInputAudioParam(TypedDict):
    type: Literal["input_audio"]
    input_audio: _InputAudio


@with_config(_OPEN)
class _FileRef(TypedDict, total=False):
    file_data: str
    file_id: str
    filename: str


@with_config(_OPEN)
class ChatCompletionContentPartFileParam(TypedDict):
    type: Literal["file"]
    file: _FileRef


@with_config(_OPEN)
class ChatCompletionContentPartRefusalParam(TypedDict):
    type: Literal["refusal"]
    refusal: str


ChatCompletionContentPartParam = Annotated[
    ChatCompletionContentPartTextParam
    | ChatCompletionContentPartImageParam
    | ChatCompletionContentPartInputAudioParam
    | ChatCompletionContentPartFileParam,
    Field(discriminator="type"),
]
_AssistantContentPart = Annotated[
    ChatCompletionContentPartTextParam | ChatCompletionContentPartRefusalParam,
    Field(discriminator="type"),
]


@with_config(_OPEN)
class ChatCompletionSystemMessageParam(TypedDict, total=False):
    role: Required[Literal["system"]]
    content: Required[str | Sequence[ChatCompletionContentPartTextParam]]
    name: str


@with_config(_OPEN)
class ChatCompletionDeveloperMessageParam(TypedDict, total=False):
    role: Required[Literal["developer"]]
    content: Required[str | Sequence[ChatCompletionContentPartTextParam]]
    name: str


@with_config(_OPEN)
class ChatCompletionUserMessageParam(TypedDict, total=False):
    role: Required[Literal["user"]]
    content: Required[str | Sequence[ChatCompletionContentPartParam]]
    name: str


@with_config(_OPEN)
class _FunctionCallParam(TypedDict):
    name: str
    arguments: str


@with_config(_OPEN)
class ChatCompletionMessageToolCallParam(TypedDict):
    id: str
    type: Literal["function"]
    function: _FunctionCallParam


@with_config(_OPEN)
class ChatCompletionAssistantMessageParam(TypedDict, total=False):
    role: Required[Literal["assistant"]]
    content: str | Sequence[_AssistantContentPart] | None
    refusal: str | None
    name: str
    tool_calls: Sequence[ChatCompletionMessageToolCallParam]
    function_call: _FunctionCallParam | None
    audio: Mapping[str, Any] | None


@with_config(_OPEN)
class ChatCompletionToolMessageParam(TypedDict):
    role: Literal["tool"]
    content: str | Sequence[ChatCompletionContentPartTextParam]
    tool_call_id: str


@with_config(_OPEN)
class ChatCompletionFunctionMessageParam(TypedDict):
    role: Literal["function"]
    content: str | None
    name: str


def _message_to_dict(value: object) -> object:
    """Accept response message objects (e.g. ``choice.message``) where a message dict is expected."""
    dump = getattr(value, "model_dump", None)
    if dump is not None and not isinstance(value, Mapping):
        data: dict[str, Any] = dump(mode="json", exclude_none=True)
        data.pop("parsed", None)
        for call in data.get("tool_calls") or ():
            call.get("function", {}).pop("parsed_arguments", None)
        return data
    return value


ChatCompletionMessageParam = Annotated[
    ChatCompletionSystemMessageParam
    | ChatCompletionDeveloperMessageParam
    | ChatCompletionUserMessageParam
    | ChatCompletionAssistantMessageParam
    | ChatCompletionToolMessageParam
    | ChatCompletionFunctionMessageParam,
    Field(discriminator="role"),
    BeforeValidator(_message_to_dict),
]


@with_config(_OPEN)
class FunctionDefinition(TypedDict, total=False):
    name: Required[str]
    description: str
    parameters: Mapping[str, Any]
    strict: bool | None


@with_config(_OPEN)
class ChatCompletionToolParam(TypedDict):
    type: Literal["function"]
    function: FunctionDefinition


@with_config(_OPEN)
class _NamedFunction(TypedDict):
    name: str


@with_config(_OPEN)
class ChatCompletionNamedToolChoiceParam(TypedDict):
    type: Literal["function"]
    function: _NamedFunction


ChatCompletionToolChoiceOptionParam = Literal["none", "auto", "required"] | ChatCompletionNamedToolChoiceParam


@with_config(_OPEN)
class _JSONSchema(TypedDict, total=False):
    name: Required[str]
    description: str
    schema: Mapping[str, Any]
    strict: bool | None


@with_config(_OPEN)
class _ResponseFormatText(TypedDict):
    type: Literal["text"]


@with_config(_OPEN)
class _ResponseFormatJSONObject(TypedDict):
    type: Literal["json_object"]


@with_config(_OPEN)
class ResponseFormatJSONSchema(TypedDict):
    type: Literal["json_schema"]
    json_schema: _JSONSchema


ResponseFormat = Annotated[
    _ResponseFormatText | _ResponseFormatJSONObject | ResponseFormatJSONSchema,
    Field(discriminator="type"),
]


@with_config(_OPEN)
class ChatCompletionStreamOptionsParam(TypedDict, total=False):
    include_usage: bool


_Penalty = Annotated[float, Field(ge=-2.0, le=2.0)]
_PositiveInt = Annotated[int, Field(ge=1)]


@with_config(_CLOSED)
class _ChatCompletionArgsBase(TypedDict, total=False):
    """Every wire parameter of a chat completion except ``stream``, ``response_format`` and
    ``tools`` (``run_tools`` takes ``tools`` as a keyword of its own: it accepts functions)."""

    model: Required[Annotated[str, Field(min_length=1)]]
    messages: Required[Annotated[Sequence[ChatCompletionMessageParam], Field(min_length=1)]]
    audio: Mapping[str, Any] | None
    frequency_penalty: _Penalty | None
    function_call: Literal["none", "auto"] | Mapping[str, Any]
    functions: Sequence[Mapping[str, Any]]
    logit_bias: Mapping[str, Annotated[int, Field(ge=-100, le=100)]] | None
    logprobs: bool | None
    max_completion_tokens: _PositiveInt | None
    max_tokens: _PositiveInt | None
    metadata: Mapping[str, str] | None
    modalities: Sequence[str] | None
    n: Annotated[int, Field(ge=1, le=128)] | None
    parallel_tool_calls: bool
    prediction: Mapping[str, Any] | None
    presence_penalty: _Penalty | None
    prompt_cache_key: str
    reasoning_effort: str | None
    safety_identifier: str
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
    verbosity: str | None
    web_search_options: Mapping[str, Any]


@with_config(_CLOSED)
class ChatCompletionParseArgs(_ChatCompletionArgsBase, total=False):
    """Every wire parameter of a chat completion except ``stream`` and ``response_format``.

    ``chat.completions.parse`` and ``run_tools`` take ``response_format`` as a keyword of their
    own (a pydantic model), so they need the rest without it.
    """

    tools: Sequence[ChatCompletionToolParam]


@with_config(_CLOSED)
class ChatCompletionCreateArgs(ChatCompletionParseArgs, total=False):
    """Every wire parameter of a chat completion except ``stream``."""

    response_format: ResponseFormat


@with_config(_CLOSED)
class ChatCompletionCreateParams(ChatCompletionCreateArgs, total=False):
    """Every wire parameter of a chat completion, ``stream`` included."""

    stream: bool | None
