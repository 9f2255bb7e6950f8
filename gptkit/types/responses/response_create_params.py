"""The parameters of ``responses.create``, as TypedDicts.

As for chat, they serve twice: mypy checks a call's keyword arguments against them, and pydantic
validates the same arguments (bounds included) before anything is sent. Nested objects may carry
fields newer than gptkit; a misspelt top-level parameter is an error that names it (pass
provider-specific ones through ``extra_body``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import Field, Tag, with_config
from typing_extensions import Required, TypedDict

from gptkit.types.responses._params_base import CLOSED, OPEN
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response_input_param import ResponseInputParam
from gptkit.types.responses.response_text_config_param import ResponseTextConfigParam
from gptkit.types.responses.tool_param import ToolParam

__all__ = [
    "ContextManagement",
    "Metadata",
    "Moderation",
    "PromptCacheOptions",
    "Reasoning",
    "ResponseConversationParam",
    "ResponseCreateArgs",
    "ResponseCreateParams",
    "ResponseIncludable",
    "ResponsePromptParam",
    "StreamOptions",
    "ToolChoice",
    "ToolChoiceAllowedParam",
    "ToolChoiceCustomParam",
    "ToolChoiceFunctionParam",
    "ToolChoiceMcpParam",
    "ToolChoiceOptions",
    "ToolChoiceTypesParam",
]

#: What ``include`` may ask for (a plain string is accepted too: the list grows).
ResponseIncludable: TypeAlias = Literal[
    "file_search_call.results",
    "web_search_call.results",
    "web_search_call.action.sources",
    "message.input_image.image_url",
    "computer_call_output.output.image_url",
    "code_interpreter_call.outputs",
    "reasoning.encrypted_content",
    "message.output_text.logprobs",
]

#: Up to 16 pairs; keys of at most 64 characters, values of at most 512.
Metadata: TypeAlias = Annotated[
    Mapping[Annotated[str, Field(max_length=64)], Annotated[str, Field(max_length=512)]],
    Field(max_length=16),
]

ToolChoiceOptions: TypeAlias = Literal["none", "auto", "required"]


@with_config(OPEN)
class ToolChoiceFunctionParam(TypedDict):
    """Call this function."""

    type: Literal["function"]
    name: str


@with_config(OPEN)
class ToolChoiceCustomParam(TypedDict):
    """Call this custom tool."""

    type: Literal["custom"]
    name: str


@with_config(OPEN)
class ToolChoiceMcpParam(TypedDict, total=False):
    """Call a tool of this MCP server (``name``: this tool)."""

    type: Required[Literal["mcp"]]
    server_label: Required[str]
    name: str | None


@with_config(OPEN)
class ToolChoiceAllowedParam(TypedDict):
    """Restrict the model to ``tools`` (``mode``: ``auto`` or ``required``)."""

    type: Literal["allowed_tools"]
    mode: Literal["auto", "required"]
    tools: Sequence[Mapping[str, Any]]


@with_config(OPEN)
class ToolChoiceTypesParam(TypedDict):
    """Use this hosted tool (``file_search``, ``web_search_preview``, ``computer_use_preview``,
    ``image_generation``, ``code_interpreter``...)."""

    type: str


if TYPE_CHECKING:
    ToolChoice: TypeAlias = (
        ToolChoiceOptions
        | ToolChoiceAllowedParam
        | ToolChoiceTypesParam
        | ToolChoiceFunctionParam
        | ToolChoiceMcpParam
        | ToolChoiceCustomParam
    )
else:
    _CHOICES = (
        Annotated[ToolChoiceFunctionParam, Tag("function")]
        | Annotated[ToolChoiceCustomParam, Tag("custom")]
        | Annotated[ToolChoiceMcpParam, Tag("mcp")]
        | Annotated[ToolChoiceAllowedParam, Tag("allowed_tools")]
        | Annotated[ToolChoiceTypesParam, Tag(UNKNOWN)]
    )
    ToolChoice = ToolChoiceOptions | Annotated[_CHOICES, by_type(_CHOICES)]


@with_config(OPEN)
class Reasoning(TypedDict, total=False):
    """Reasoning models' settings: ``effort`` (``none``, ``minimal``, ``low``, ``medium``,
    ``high``...) and ``summary`` (``auto``, ``concise``, ``detailed``)."""

    effort: str | None
    summary: str | None
    generate_summary: str | None
    mode: str
    context: str | None


@with_config(OPEN)
class StreamOptions(TypedDict, total=False):
    """Options of a streamed response."""

    include_obfuscation: bool


@with_config(OPEN)
class ResponseConversationParam(TypedDict):
    """The conversation to continue (its items are prepended to ``input``)."""

    id: str


@with_config(OPEN)
class ResponsePromptParam(TypedDict, total=False):
    """A stored prompt template, its version and the values of its variables."""

    id: Required[str]
    version: str | None
    variables: Mapping[str, Any] | None


@with_config(OPEN)
class PromptCacheOptions(TypedDict, total=False):
    """How the prompt cache is used (``ttl``, ``mode``)."""

    ttl: str
    mode: str


@with_config(OPEN)
class ContextManagement(TypedDict, total=False):
    """A context management strategy (``{"type": "compaction", "compact_threshold": ...}``)."""

    type: Required[str]
    compact_threshold: Annotated[int, Field(ge=1000)] | None


@with_config(OPEN)
class Moderation(TypedDict, total=False):
    """Moderate the input and output with ``model`` (and a ``policy``)."""

    model: Required[str]
    policy: Mapping[str, Any] | None


@with_config(CLOSED)
class _ResponseArgsBase(TypedDict, total=False):
    """Every wire parameter of ``responses.create`` except ``stream`` and ``tools``
    (``responses.run_tools`` takes ``tools`` as a keyword of its own: it accepts functions)."""

    model: Annotated[str, Field(min_length=1)]
    input: str | ResponseInputParam
    instructions: str | None
    tool_choice: ToolChoice
    parallel_tool_calls: bool | None
    max_tool_calls: Annotated[int, Field(ge=1)] | None
    text: ResponseTextConfigParam
    reasoning: Reasoning | None
    max_output_tokens: Annotated[int, Field(ge=16)] | None
    temperature: Annotated[float, Field(ge=0.0, le=2.0)] | None
    top_p: Annotated[float, Field(ge=0.0, le=1.0)] | None
    top_logprobs: Annotated[int, Field(ge=0, le=20)] | None
    previous_response_id: str | None
    conversation: str | ResponseConversationParam | None
    store: bool | None
    background: bool | None
    include: Sequence[ResponseIncludable | str] | None
    truncation: Literal["auto", "disabled"] | None
    metadata: Metadata | None
    service_tier: str | None
    prompt: ResponsePromptParam | None
    prompt_cache_key: str | None
    prompt_cache_retention: Literal["in_memory", "24h"] | None
    prompt_cache_options: PromptCacheOptions
    safety_identifier: Annotated[str, Field(max_length=64)] | None
    user: str
    stream_options: StreamOptions | None
    context_management: Annotated[Sequence[ContextManagement], Field(min_length=1)] | None
    moderation: Moderation | None
    # In the official SDK, not yet in the OpenAPI spec: accepted and sent as given.
    access_programs: Mapping[str, Any]
    background_options: Mapping[str, Any]
    image: Mapping[str, Any]


@with_config(CLOSED)
class ResponseCreateArgs(_ResponseArgsBase, total=False):
    """Every wire parameter of ``responses.create`` except ``stream``."""

    tools: Sequence[ToolParam]


@with_config(CLOSED)
class ResponseCreateParams(ResponseCreateArgs, total=False):
    """Every wire parameter of ``responses.create``, ``stream`` included."""

    stream: bool | None
