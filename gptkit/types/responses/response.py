"""``Response``: what ``client.responses.create`` returns (and a stream ends in)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import Discriminator, Field, Tag

from gptkit.types._base import APIObject, BilledObject, type_tag
from gptkit.types._lazy_union import lazy_union
from gptkit.types.responses._input_items import InputItems
from gptkit.types.responses.response_error import ResponseError
from gptkit.types.responses.response_input_content import (
    ResponseInputFile,
    ResponseInputImage,
    ResponseInputText,
)
from gptkit.types.responses.response_output_message import ResponseOutputMessage
from gptkit.types.responses.response_output_text import ResponseOutputText
from gptkit.types.responses.response_text_config import ResponseTextConfig
from gptkit.types.responses.response_usage import ResponseUsage
from gptkit.types.responses.tool_choice_allowed import ToolChoiceAllowed
from gptkit.types.responses.tool_choice_apply_patch import ToolChoiceApplyPatch
from gptkit.types.responses.tool_choice_custom import ToolChoiceCustom
from gptkit.types.responses.tool_choice_function import ToolChoiceFunction
from gptkit.types.responses.tool_choice_mcp import ToolChoiceMcp
from gptkit.types.responses.tool_choice_options import ToolChoiceOptions
from gptkit.types.responses.tool_choice_shell import ToolChoiceShell
from gptkit.types.responses.tool_choice_types import ToolChoiceTypes
from gptkit.types.shared.reasoning import Reasoning

if TYPE_CHECKING:
    from gptkit.types.responses.response_input_item import ResponseInputItem
else:
    # Typed lazily: ``InputItems`` validates the list into ``ResponseInputItem``s on first need.
    ResponseInputItem = Any
_R = "gptkit.types.responses."
if TYPE_CHECKING:
    from gptkit.types.responses.response_output_item import ResponseOutputItem as _OutputItem
    from gptkit.types.responses.tool import Tool as _Tool
else:
    # A response's output items and tools as those unions, loaded kind by kind: a first response
    # holding messages and no tools imports ~50 fewer modules and compiles a validator a fraction
    # of the size (issue 19). The common kinds, each in a light module, load on their own.
    _OutputItem = lazy_union(_R + "response_output_item:ResponseOutputItem", {
        "message": _R + "response_output_message:ResponseOutputMessage",
        "function_call": _R + "response_function_tool_call:ResponseFunctionToolCall",
        "reasoning": _R + "response_reasoning_item:ResponseReasoningItem",
        "web_search_call": _R + "response_function_web_search:ResponseFunctionWebSearch",
        "file_search_call": _R + "response_file_search_tool_call:ResponseFileSearchToolCall",
    })
    _Tool = lazy_union(_R + "tool:Tool", {
        "function": _R + "function_tool:FunctionTool",
        "web_search": _R + "web_search_tool:WebSearchTool",
        "web_search_preview": _R + "web_search_preview_tool:WebSearchPreviewTool",
        "file_search": _R + "file_search_tool:FileSearchTool",
    })

__all__ = [
    "AccessPrograms",
    "Conversation",
    "Image",
    "IncompleteDetails",
    "InputTransformation",
    "Moderation",
    "ModerationInput",
    "ModerationInputError",
    "ModerationInputModerationResult",
    "ModerationOutput",
    "ModerationOutputError",
    "ModerationOutputModerationResult",
    "PromptCacheDiagnostics",
    "PromptCacheDiagnosticsCacheHit",
    "PromptCacheDiagnosticsCacheMiss",
    "PromptCacheDiagnosticsComparisonResponseNotFound",
    "PromptCacheDiagnosticsUnavailable",
    "PromptCacheOptions",
    "Reasoning",
    "Response",
    "ResponsePrompt",
    "ToolChoice",
    "ToolChoiceSpecificProgrammaticToolCallingParam",
    "ToolUsage",
    "ToolUsageImageGen",
    "ToolUsageImageGenCachedTokensDetails",
    "ToolUsageImageGenInputTokensDetails",
    "ToolUsageImageGenOutputTokensDetails",
    "ToolUsageWebSearch",
]


class AccessPrograms(APIObject):
    """The access programs a response ran under (``cyber``)."""

    cyber: str = "standard"


class IncompleteDetails(APIObject):
    """Why a response is ``incomplete``: ``max_output_tokens`` or ``content_filter``."""

    reason: str | None = None


class Conversation(APIObject):
    """The conversation a response's items were added to."""

    id: str = ""


#: A value of a prompt variable: a string, or an input part (text, image, file) by ``type``.
_PromptVariable: TypeAlias = str | Annotated[
    Annotated[ResponseInputText, Tag("input_text")]
    | Annotated[ResponseInputImage, Tag("input_image")]
    | Annotated[ResponseInputFile, Tag("input_file")],
    Discriminator(type_tag(frozenset({"input_text", "input_image", "input_file"}), "input_text")),
]


class ResponsePrompt(APIObject):
    """The stored prompt template a response used."""

    id: str = ""
    variables: dict[str, _PromptVariable] | None = None
    version: str | None = None


class Image(APIObject):
    """How images in the input were handled (``context_compression``)."""

    context_compression: str = "disabled"


class InputTransformation(APIObject):
    """An input item the server changed before running the model (e.g. removed reasoning)."""

    id: str = ""
    action: str = "removed"
    reason: str = ""
    type: str = "reasoning"


class _ModerationResult(APIObject):
    """The verdict of the moderation that ran on a response's input or output."""

    categories: dict[str, bool] = {}
    category_applied_input_types: dict[str, list[str]] = {}
    category_scores: dict[str, float] = {}
    flagged: bool = False
    model: str = ""
    type: Literal["moderation_result"] = "moderation_result"


class _ModerationError(APIObject):
    """Why the moderation of a response's input or output could not run."""

    code: str = ""
    message: str = ""
    type: Literal["error"] = "error"


class ModerationInputModerationResult(_ModerationResult):
    """The moderation verdict on the input."""


class ModerationInputError(_ModerationError):
    """The moderation of the input failed."""


class ModerationOutputModerationResult(_ModerationResult):
    """The moderation verdict on the output."""


class ModerationOutputError(_ModerationError):
    """The moderation of the output failed."""


_MODERATION_TAG = type_tag(frozenset({"moderation_result", "error"}), "moderation_result")
ModerationInput: TypeAlias = Annotated[
    Annotated[ModerationInputModerationResult, Tag("moderation_result")]
    | Annotated[ModerationInputError, Tag("error")],
    Discriminator(_MODERATION_TAG),
]
ModerationOutput: TypeAlias = Annotated[
    Annotated[ModerationOutputModerationResult, Tag("moderation_result")]
    | Annotated[ModerationOutputError, Tag("error")],
    Discriminator(_MODERATION_TAG),
]


class Moderation(APIObject):
    """The moderation of a response's ``input`` and ``output``."""

    input: ModerationInput
    output: ModerationOutput


class PromptCacheDiagnosticsCacheMiss(APIObject):
    """The prompt cache missed: how many tokens and why."""

    cache_missed_tokens: int = 0
    reason: str = ""
    type: Literal["cache_miss"] = "cache_miss"
    comparison_reusable_tokens: int | None = None


class PromptCacheDiagnosticsCacheHit(APIObject):
    """The prompt cache was hit."""

    type: Literal["cache_hit"] = "cache_hit"


class PromptCacheDiagnosticsComparisonResponseNotFound(APIObject):
    """The response to compare the cache with was not found."""

    type: Literal["comparison_response_not_found"] = "comparison_response_not_found"


class PromptCacheDiagnosticsUnavailable(APIObject):
    """No prompt cache diagnostics for this response (also any kind gptkit does not know)."""

    type: str = "unavailable"


PromptCacheDiagnostics: TypeAlias = Annotated[
    Annotated[PromptCacheDiagnosticsCacheMiss, Tag("cache_miss")]
    | Annotated[PromptCacheDiagnosticsCacheHit, Tag("cache_hit")]
    | Annotated[PromptCacheDiagnosticsComparisonResponseNotFound, Tag("comparison_response_not_found")]
    | Annotated[PromptCacheDiagnosticsUnavailable, Tag("unavailable")],
    Discriminator(type_tag(
        frozenset({"cache_miss", "cache_hit", "comparison_response_not_found", "unavailable"}), "unavailable"
    )),
]


class PromptCacheOptions(APIObject):
    """How the prompt cache was used: ``mode`` (``implicit``/``explicit``) and ``ttl``."""

    mode: str = "implicit"
    ttl: str = ""
    comparison_response_id: str | None = None


class ToolUsageImageGenInputTokensDetails(APIObject):
    """Image and text tokens of the image generation tool's input."""

    image_tokens: int = 0
    text_tokens: int = 0


class ToolUsageImageGenCachedTokensDetails(APIObject):
    """Image and text tokens of the image generation tool's input read from the cache."""

    cached_image_tokens: int = 0
    cached_text_tokens: int = 0


class ToolUsageImageGenOutputTokensDetails(APIObject):
    """Image and text tokens the image generation tool produced."""

    image_tokens: int = 0
    text_tokens: int = 0


class ToolUsageImageGen(APIObject):
    """Tokens the image generation tool used."""

    input_tokens: int = 0
    input_tokens_details: ToolUsageImageGenInputTokensDetails = Field(
        default_factory=ToolUsageImageGenInputTokensDetails
    )
    output_tokens: int = 0
    total_tokens: int = 0
    cached_tokens: int | None = None
    cached_tokens_details: ToolUsageImageGenCachedTokensDetails | None = None
    output_tokens_details: ToolUsageImageGenOutputTokensDetails | None = None


class ToolUsageWebSearch(APIObject):
    """How many searches the web search tool ran."""

    num_requests: int = 0


class ToolUsage(APIObject):
    """What the built-in tools used (billed apart from the model's tokens)."""

    image_gen: ToolUsageImageGen
    web_search: ToolUsageWebSearch


class ToolChoiceSpecificProgrammaticToolCallingParam(APIObject):
    """``tool_choice`` forcing programmatic tool calling."""

    type: Literal["programmatic_tool_calling"] = "programmatic_tool_calling"


_CHOICES = {
    "allowed_tools": ToolChoiceAllowed, "function": ToolChoiceFunction, "mcp": ToolChoiceMcp,
    "custom": ToolChoiceCustom, "programmatic_tool_calling": ToolChoiceSpecificProgrammaticToolCallingParam,
    "apply_patch": ToolChoiceApplyPatch, "shell": ToolChoiceShell,
}
#: ``tool_choice`` as a response reports it: a plain string, or an object by ``type`` (the
#: built-in tools' types, and any gptkit does not know, read as ``ToolChoiceTypes``).
ToolChoice: TypeAlias = ToolChoiceOptions | str | Annotated[
    Annotated[ToolChoiceAllowed, Tag("allowed_tools")]
    | Annotated[ToolChoiceTypes, Tag("types")]
    | Annotated[ToolChoiceFunction, Tag("function")]
    | Annotated[ToolChoiceMcp, Tag("mcp")]
    | Annotated[ToolChoiceCustom, Tag("custom")]
    | Annotated[ToolChoiceSpecificProgrammaticToolCallingParam, Tag("programmatic_tool_calling")]
    | Annotated[ToolChoiceApplyPatch, Tag("apply_patch")]
    | Annotated[ToolChoiceShell, Tag("shell")],
    Discriminator(type_tag(frozenset(_CHOICES), "types")),
]

class Response(BilledObject):
    """A model response: its ``output`` items, ``status`` and token ``usage``.

    ``output_text`` joins the text of every assistant message. ``status`` is ``completed``,
    ``failed`` (see ``error``), ``incomplete`` (see ``incomplete_details``), ``cancelled``, or,
    for background responses still running, ``queued`` / ``in_progress``; ``problem`` says in one
    line what went wrong, if anything. ``cost`` prices ``usage`` (cached and reasoning tokens
    included) and ``request_id`` is the server's id of the HTTP request.
    """

    id: str = ""
    access_programs: AccessPrograms | None = None
    created_at: float = 0
    error: ResponseError | None = None
    incomplete_details: IncompleteDetails | None = None
    instructions: Annotated[str | list[ResponseInputItem] | None, InputItems()] = None
    metadata: dict[str, str] | None = None
    model: str = ""
    object: Literal["response"] = "response"
    output: list[_OutputItem] = []
    parallel_tool_calls: bool | None = None
    temperature: float | None = None
    tool_choice: ToolChoice | None = None
    tools: list[_Tool] = []
    top_p: float | None = None
    background: bool | None = None
    completed_at: float | None = None
    conversation: Conversation | None = None
    image: Image | None = None
    input_transformations: list[InputTransformation] | None = None
    max_output_tokens: int | None = None
    max_tool_calls: int | None = None
    moderation: Moderation | None = None
    previous_response_id: str | None = None
    prompt: ResponsePrompt | None = None
    prompt_cache_diagnostics: PromptCacheDiagnostics | None = None
    prompt_cache_key: str | None = None
    prompt_cache_options: PromptCacheOptions | None = None
    prompt_cache_retention: str | None = None
    reasoning: Reasoning | None = None
    safety_identifier: str | None = None
    service_tier: str | None = None
    status: str | None = None
    text: ResponseTextConfig | None = None
    tool_usage: ToolUsage | None = None
    top_logprobs: int | None = None
    truncation: str | None = None
    usage: ResponseUsage | None = None
    user: str | None = None

    @property
    def output_text(self) -> str:
        """The text of every ``output_text`` part of every assistant message, joined ("" if none)."""
        return "".join(
            part.text
            for item in self.output
            if isinstance(item, ResponseOutputMessage)
            for part in item.content
            if isinstance(part, ResponseOutputText)
        )

    @property
    def problem(self) -> str | None:
        """None when the response completed (or is still running); else what went wrong, e.g.
        ``"failed: server_error: The model crashed."`` or ``"incomplete: max_output_tokens"``."""
        status = self.status
        if status == "failed":
            error = self.error
            if error is None:
                return "failed"
            return f"failed: {error.code}: {error.message}" if error.code else f"failed: {error.message}"
        if status == "incomplete":
            reason = self.incomplete_details.reason if self.incomplete_details is not None else None
            return f"incomplete: {reason}" if reason else "incomplete"
        if status == "cancelled":
            return "cancelled"
        return None
