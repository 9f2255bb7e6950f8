"""Responses whose text was validated into a pydantic model (``client.responses.parse``).

Each class is the plain Responses type with one field made precise, as in the official package:
an ``output_text`` part's ``parsed`` is the caller's ``text_format`` model, a ``function_call``
item's ``parsed_arguments`` is the tool's model instance when gptkit built the tool, and
``ParsedResponse.output_parsed`` is the first parsed value of the response.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Generic, TypeAlias, TypeVar

from pydantic import Tag

from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response import Response
from gptkit.types.responses.response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall
from gptkit.types.responses.response_computer_tool_call import ResponseComputerToolCall
from gptkit.types.responses.response_computer_tool_call_output_item import ResponseComputerToolCallOutputItem
from gptkit.types.responses.response_custom_tool_call import ResponseCustomToolCall
from gptkit.types.responses.response_file_search_tool_call import ResponseFileSearchToolCall
from gptkit.types.responses.response_function_tool_call import ResponseFunctionToolCall
from gptkit.types.responses.response_function_tool_call_output_item import ResponseFunctionToolCallOutputItem
from gptkit.types.responses.response_function_web_search import ResponseFunctionWebSearch
from gptkit.types.responses.response_output_item import (
    TOOL_OUTPUT_ITEMS,
    ImageGenerationCall,
    LocalShellCall,
    LocalShellCallOutput,
    McpApprovalRequest,
    McpApprovalResponse,
    McpCall,
    McpListTools,
    UnknownOutputItem,
)
from gptkit.types.responses.response_output_message import ResponseOutputMessage, UnknownContent
from gptkit.types.responses.response_output_refusal import ResponseOutputRefusal
from gptkit.types.responses.response_output_text import ResponseOutputText
from gptkit.types.responses.response_reasoning_item import ResponseReasoningItem

__all__ = [
    "ParsedContent",
    "ParsedResponse",
    "ParsedResponseFunctionToolCall",
    "ParsedResponseOutputItem",
    "ParsedResponseOutputMessage",
    "ParsedResponseOutputText",
]

#: The type ``parsed`` holds (the ``text_format`` model, or None without one).
ContentType = TypeVar("ContentType")


class ParsedResponseOutputText(ResponseOutputText, Generic[ContentType]):
    """An ``output_text`` part whose ``text`` was validated into ``parsed``."""

    parsed: ContentType | None = None


if TYPE_CHECKING:
    _Text: TypeAlias = ParsedResponseOutputText[Any]
else:  # unparametrized at run time, as the official package builds them (the class name prints
    # plain); ``parse`` sets each ``parsed`` to the caller's model instance after validation.
    _Text = ParsedResponseOutputText

_PARSED_CONTENT = (
    Annotated[_Text, Tag("output_text")]
    | Annotated[ResponseOutputRefusal, Tag("refusal")]
    | Annotated[UnknownContent, Tag(UNKNOWN)]
)
#: A part of a parsed message: parsed text, a refusal, or a part of a newer type (kept).
ParsedContent: TypeAlias = Annotated[_PARSED_CONTENT, by_type(_PARSED_CONTENT)]


class ParsedResponseOutputMessage(ResponseOutputMessage, Generic[ContentType]):
    """An assistant message whose ``output_text`` parts carry ``parsed``."""

    content: list[ParsedContent] = []  # type: ignore[assignment]


class ParsedResponseFunctionToolCall(ResponseFunctionToolCall):
    """A ``function_call`` item; ``parsed_arguments`` is the tool's model instance when gptkit
    built the tool (``pydantic_function_tool`` / ``function_tool``), else None."""

    parsed_arguments: Any = None


if TYPE_CHECKING:
    _Message: TypeAlias = ParsedResponseOutputMessage[Any]
else:
    _Message = ParsedResponseOutputMessage

_PARSED_ITEMS = (
    Annotated[_Message, Tag("message")]
    | Annotated[ParsedResponseFunctionToolCall, Tag("function_call")]
    | Annotated[ResponseFileSearchToolCall, Tag("file_search_call")]
    | Annotated[ResponseFunctionToolCallOutputItem, Tag("function_call_output")]
    | Annotated[ResponseFunctionWebSearch, Tag("web_search_call")]
    | Annotated[ResponseComputerToolCall, Tag("computer_call")]
    | Annotated[ResponseComputerToolCallOutputItem, Tag("computer_call_output")]
    | Annotated[ResponseReasoningItem, Tag("reasoning")]
    | Annotated[ImageGenerationCall, Tag("image_generation_call")]
    | Annotated[ResponseCodeInterpreterToolCall, Tag("code_interpreter_call")]
    | Annotated[LocalShellCall, Tag("local_shell_call")]
    | Annotated[LocalShellCallOutput, Tag("local_shell_call_output")]
    | Annotated[McpCall, Tag("mcp_call")]
    | Annotated[McpListTools, Tag("mcp_list_tools")]
    | Annotated[McpApprovalRequest, Tag("mcp_approval_request")]
    | Annotated[McpApprovalResponse, Tag("mcp_approval_response")]
    | Annotated[ResponseCustomToolCall, Tag("custom_tool_call")]
    | TOOL_OUTPUT_ITEMS
    | Annotated[UnknownOutputItem, Tag(UNKNOWN)]
)
#: An output item of a parsed response: the message and function call items parsed, the rest as
#: in ``Response.output``.
ParsedResponseOutputItem: TypeAlias = Annotated[_PARSED_ITEMS, by_type(_PARSED_ITEMS)]


class ParsedResponse(Response, Generic[ContentType]):
    """A response whose text was validated into ``ContentType``: ``output_parsed``.

    Usage, cost and request id are those of the underlying call.
    """

    output: list[ParsedResponseOutputItem] = []  # type: ignore[assignment]

    @property
    def output_parsed(self) -> ContentType | None:
        """The first parsed ``output_text`` of the response (None without ``text_format``, or when
        the model refused: see the message's ``refusal`` part)."""
        for item in self.output:
            if isinstance(item, ParsedResponseOutputMessage):
                for part in item.content:
                    if isinstance(part, ParsedResponseOutputText) and part.parsed is not None:
                        parsed: ContentType = part.parsed
                        return parsed
        return None

