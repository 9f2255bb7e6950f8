"""``ResponseOutputItem``: every kind of item in a response's ``output``, by ``type``.

Items of a ``type`` this version of gptkit does not know become ``UnknownOutputItem`` (every
field kept, readable as attributes), never an error.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.mcp_tool_call_error import McpToolCallError
from gptkit.types.responses.response_apply_patch_tool_call import ResponseApplyPatchToolCall
from gptkit.types.responses.response_apply_patch_tool_call_output import ResponseApplyPatchToolCallOutput
from gptkit.types.responses.response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall
from gptkit.types.responses.response_compaction_item import ResponseCompactionItem
from gptkit.types.responses.response_computer_tool_call import ResponseComputerToolCall
from gptkit.types.responses.response_computer_tool_call_output_item import ResponseComputerToolCallOutputItem
from gptkit.types.responses.response_custom_tool_call import ResponseCustomToolCall
from gptkit.types.responses.response_custom_tool_call_output_item import ResponseCustomToolCallOutputItem
from gptkit.types.responses.response_file_search_tool_call import ResponseFileSearchToolCall
from gptkit.types.responses.response_function_shell_tool_call import ResponseFunctionShellToolCall
from gptkit.types.responses.response_function_shell_tool_call_output import (
    ResponseFunctionShellToolCallOutput,
)
from gptkit.types.responses.response_function_tool_call import ResponseFunctionToolCall
from gptkit.types.responses.response_function_tool_call_output_item import ResponseFunctionToolCallOutputItem
from gptkit.types.responses.response_function_web_search import ResponseFunctionWebSearch
from gptkit.types.responses.response_output_message import ResponseOutputMessage
from gptkit.types.responses.response_reasoning_item import ResponseReasoningItem
from gptkit.types.responses.response_tool_search_call import ResponseToolSearchCall
from gptkit.types.responses.response_tool_search_output_item import ResponseToolSearchOutputItem
from gptkit.types.responses.tool import Tool

__all__ = [
    "AdditionalTools",
    "ImageGenerationCall",
    "ImageGenerationCallError",
    "ImageGenerationCallErrorModerationDetails",
    "ImageGenerationCallSvgUsage",
    "LocalShellCall",
    "LocalShellCallAction",
    "LocalShellCallOutput",
    "McpApprovalRequest",
    "McpApprovalResponse",
    "McpCall",
    "McpListTools",
    "McpListToolsTool",
    "Program",
    "ProgramOutput",
    "ResponseOutputItem",
    "UnknownOutputItem",
]


class Program(APIObject):
    """JavaScript the model ran to call tools programmatically; send it back as it came
    (``fingerprint`` must round-trip)."""

    id: str = ""
    call_id: str = ""
    code: str = ""
    fingerprint: str = ""
    type: Literal["program"] = "program"


class ProgramOutput(APIObject):
    """What a ``program`` item returned."""

    id: str = ""
    call_id: str = ""
    result: str = ""
    status: str | None = None
    type: Literal["program_output"] = "program_output"


class AdditionalTools(APIObject):
    """Tools added to the conversation part-way, on behalf of ``role``."""

    id: str = ""
    role: str = "unknown"
    tools: list[Tool] = []
    type: Literal["additional_tools"] = "additional_tools"


class ImageGenerationCallErrorModerationDetails(APIObject):
    """Which moderation stopped an image, and for what categories."""

    categories: list[str] = []
    moderation_stage: str = "unknown"


class ImageGenerationCallError(APIObject):
    """Why an image generation call failed."""

    code: str | None = None
    message: str = ""
    param: str | None = None
    type: str = ""
    moderation_details: ImageGenerationCallErrorModerationDetails | None = None


class ImageGenerationCallSvgUsage(APIObject):
    """Tokens spent producing an SVG image."""

    input_tokens: int = 0
    model: str = ""
    output_tokens: int = 0
    reasoning_tokens: int = 0
    total_tokens: int = 0


class ImageGenerationCall(APIObject):
    """An image the model generated: ``result`` is the image, base64-encoded."""

    id: str = ""
    result: str | None = None
    status: str | None = None
    type: Literal["image_generation_call"] = "image_generation_call"
    action: str | None = None
    background: str | None = None
    error: ImageGenerationCallError | str | None = None
    output_format: str | None = None
    quality: str | None = None
    revised_prompt: str | None = None
    size: str | None = None
    svg_usage: ImageGenerationCallSvgUsage | None = None


class LocalShellCallAction(APIObject):
    """The command a local shell call asks to run."""

    command: list[str] = []
    env: dict[str, str] = {}
    type: str = "exec"
    timeout_ms: int | None = None
    user: str | None = None
    working_directory: str | None = None


class LocalShellCall(APIObject):
    """The model asks the caller to run a command in a local shell."""

    id: str = ""
    action: LocalShellCallAction | None = None
    call_id: str = ""
    status: str | None = None
    type: Literal["local_shell_call"] = "local_shell_call"


class LocalShellCallOutput(APIObject):
    """What a local shell command printed."""

    id: str = ""
    output: str = ""
    type: Literal["local_shell_call_output"] = "local_shell_call_output"
    status: str | None = None


class McpCall(APIObject):
    """A call of a tool on a remote MCP server: its ``arguments`` (JSON) and ``output`` or ``error``."""

    id: str = ""
    arguments: str = ""
    name: str = ""
    server_label: str = ""
    type: Literal["mcp_call"] = "mcp_call"
    approval_request_id: str | None = None
    error: McpToolCallError | str | None = None
    output: str | None = None
    status: str | None = None


class McpListToolsTool(APIObject):
    """A tool an MCP server offers."""

    input_schema: Any = None
    name: str = ""
    annotations: Any = None
    description: str | None = None


class McpListTools(APIObject):
    """The tools an MCP server listed."""

    id: str = ""
    server_label: str = ""
    tools: list[McpListToolsTool] = []
    type: Literal["mcp_list_tools"] = "mcp_list_tools"
    error: str | None = None


class McpApprovalRequest(APIObject):
    """The model asks the caller to approve an MCP tool call (answer with ``mcp_approval_response``)."""

    id: str = ""
    arguments: str = ""
    name: str = ""
    server_label: str = ""
    type: Literal["mcp_approval_request"] = "mcp_approval_request"


class McpApprovalResponse(APIObject):
    """The caller's answer to an ``mcp_approval_request``."""

    id: str = ""
    approval_request_id: str = ""
    approve: bool = False
    type: Literal["mcp_approval_response"] = "mcp_approval_response"
    reason: str | None = None


class UnknownOutputItem(APIObject):
    """An output item of a ``type`` this version of gptkit does not know: every field is kept
    (``item.some_field``, ``item["some_field"]``, ``item.to_dict()``)."""

    type: str
    id: str | None = None


#: The tool items listed alike in a response's output, in parsed responses and in stored items.
TOOL_OUTPUT_ITEMS = (
    Annotated[Program, Tag("program")]
    | Annotated[ProgramOutput, Tag("program_output")]
    | Annotated[ResponseToolSearchCall, Tag("tool_search_call")]
    | Annotated[ResponseToolSearchOutputItem, Tag("tool_search_output")]
    | Annotated[AdditionalTools, Tag("additional_tools")]
    | Annotated[ResponseCustomToolCallOutputItem, Tag("custom_tool_call_output")]
    | Annotated[ResponseCompactionItem, Tag("compaction")]
    | Annotated[ResponseApplyPatchToolCall, Tag("apply_patch_call")]
    | Annotated[ResponseApplyPatchToolCallOutput, Tag("apply_patch_call_output")]
    | Annotated[ResponseFunctionShellToolCall, Tag("shell_call")]
    | Annotated[ResponseFunctionShellToolCallOutput, Tag("shell_call_output")]
)

_OUTPUT_ITEMS = (
    Annotated[ResponseOutputMessage, Tag("message")]
    | Annotated[ResponseFileSearchToolCall, Tag("file_search_call")]
    | Annotated[ResponseFunctionToolCall, Tag("function_call")]
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
ResponseOutputItem: TypeAlias = Annotated[_OUTPUT_ITEMS, by_type(_OUTPUT_ITEMS)]
