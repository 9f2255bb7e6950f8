"""``ResponseItem``: an item of a response's input or output as ``input_items.list`` returns it."""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Tag

from gptkit.types.responses._tagged import UNKNOWN, by_role
from gptkit.types.responses.response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall
from gptkit.types.responses.response_computer_tool_call import ResponseComputerToolCall
from gptkit.types.responses.response_computer_tool_call_output_item import ResponseComputerToolCallOutputItem
from gptkit.types.responses.response_configuration_update_item import ResponseConfigurationUpdateItem
from gptkit.types.responses.response_custom_tool_call_item import ResponseCustomToolCallItem
from gptkit.types.responses.response_file_search_tool_call import ResponseFileSearchToolCall
from gptkit.types.responses.response_function_tool_call_item import ResponseFunctionToolCallItem
from gptkit.types.responses.response_function_tool_call_output_item import ResponseFunctionToolCallOutputItem
from gptkit.types.responses.response_function_web_search import ResponseFunctionWebSearch
from gptkit.types.responses.response_input_message_item import ResponseInputMessageItem
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
from gptkit.types.responses.response_output_message import ResponseOutputMessage
from gptkit.types.responses.response_reasoning_item import ResponseReasoningItem

__all__ = ["ResponseItem"]


_ITEMS = (
    Annotated[ResponseInputMessageItem, Tag("input_message")]
    | Annotated[ResponseOutputMessage, Tag("assistant_message")]
    | Annotated[ResponseFileSearchToolCall, Tag("file_search_call")]
    | Annotated[ResponseComputerToolCall, Tag("computer_call")]
    | Annotated[ResponseComputerToolCallOutputItem, Tag("computer_call_output")]
    | Annotated[ResponseFunctionWebSearch, Tag("web_search_call")]
    | Annotated[ResponseFunctionToolCallItem, Tag("function_call")]
    | Annotated[ResponseFunctionToolCallOutputItem, Tag("function_call_output")]
    | Annotated[ResponseReasoningItem, Tag("reasoning")]
    | Annotated[ImageGenerationCall, Tag("image_generation_call")]
    | Annotated[ResponseCodeInterpreterToolCall, Tag("code_interpreter_call")]
    | Annotated[LocalShellCall, Tag("local_shell_call")]
    | Annotated[LocalShellCallOutput, Tag("local_shell_call_output")]
    | Annotated[McpListTools, Tag("mcp_list_tools")]
    | Annotated[McpApprovalRequest, Tag("mcp_approval_request")]
    | Annotated[McpApprovalResponse, Tag("mcp_approval_response")]
    | Annotated[McpCall, Tag("mcp_call")]
    | Annotated[ResponseCustomToolCallItem, Tag("custom_tool_call")]
    | Annotated[ResponseConfigurationUpdateItem, Tag("configuration_update")]
    | TOOL_OUTPUT_ITEMS
    | Annotated[UnknownOutputItem, Tag(UNKNOWN)]
)
# Input and assistant messages share ``type: "message"``; the role tells them apart.
ResponseItem: TypeAlias = Annotated[_ITEMS, by_role(_ITEMS)]
