"""``ResponseInputItem``: one item of a response's input, as the API echoes it back (a list of
them is ``Response.instructions`` when instructions were given as items).

The union is the official one, member for member and in its order; like the official package,
a value is validated against every member and the best match wins (no tag decides alone: input
messages, easy messages and assistant messages all say ``type: "message"``). Nothing imports this
module on a response's way in unless ``instructions`` is a list (see ``response.py``).
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from gptkit.types._base import APIObject
from gptkit.types.responses.container_reference import ContainerReference
from gptkit.types.responses.easy_input_message import EasyInputMessage
from gptkit.types.responses.local_environment import LocalEnvironment
from gptkit.types.responses.response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall
from gptkit.types.responses.response_compaction_item_param import ResponseCompactionItemParam
from gptkit.types.responses.response_computer_tool_call import ResponseComputerToolCall
from gptkit.types.responses.response_computer_tool_call_output_screenshot import (
    ResponseComputerToolCallOutputScreenshot,
)
from gptkit.types.responses.response_configuration_update_item_param import (
    ResponseConfigurationUpdateItemParam,
)
from gptkit.types.responses.response_custom_tool_call import ResponseCustomToolCall
from gptkit.types.responses.response_custom_tool_call_output import ResponseCustomToolCallOutput
from gptkit.types.responses.response_file_search_tool_call import ResponseFileSearchToolCall
from gptkit.types.responses.response_function_shell_call_output_content import (
    ResponseFunctionShellCallOutputContent,
)
from gptkit.types.responses.response_function_tool_call import ResponseFunctionToolCall
from gptkit.types.responses.response_function_web_search import ResponseFunctionWebSearch
from gptkit.types.responses.response_input_content import ResponseInputParts
from gptkit.types.responses.response_input_file_content import ResponseInputFileContent
from gptkit.types.responses.response_input_image_content import ResponseInputImageContent
from gptkit.types.responses.response_input_text_content import ResponseInputTextContent
from gptkit.types.responses.response_output_item import (
    ImageGenerationCall,
    LocalShellCall,
    LocalShellCallOutput,
    McpApprovalRequest,
    McpCall,
    McpListTools,
    Program,
    ProgramOutput,
)
from gptkit.types.responses.response_output_message import ResponseOutputMessage
from gptkit.types.responses.response_reasoning_item import ResponseReasoningItem
from gptkit.types.responses.response_tool_search_output_item_param import ResponseToolSearchOutputItemParam
from gptkit.types.responses.tool import Tool

__all__ = [
    "AdditionalTools",
    "ApplyPatchCall",
    "ApplyPatchCallCallerDirect",
    "ApplyPatchCallCallerProgram",
    "ApplyPatchCallOperationCreateFile",
    "ApplyPatchCallOperationDeleteFile",
    "ApplyPatchCallOperationUpdateFile",
    "ApplyPatchCallOutput",
    "ApplyPatchCallOutputCallerDirect",
    "ApplyPatchCallOutputCallerProgram",
    "CompactionTrigger",
    "ComputerCallOutput",
    "ComputerCallOutputAcknowledgedSafetyCheck",
    "FunctionCallOutput",
    "FunctionCallOutputCallerDirect",
    "FunctionCallOutputCallerProgram",
    "ImageGenerationCall",
    "ItemReference",
    "LocalShellCall",
    "LocalShellCallOutput",
    "McpApprovalRequest",
    "McpApprovalResponse",
    "McpCall",
    "McpListTools",
    "Message",
    "Program",
    "ProgramOutput",
    "ResponseInputItem",
    "ShellCall",
    "ShellCallAction",
    "ShellCallCallerDirect",
    "ShellCallCallerProgram",
    "ShellCallOutput",
    "ShellCallOutputCallerDirect",
    "ShellCallOutputCallerProgram",
    "ToolSearchCall",
]

_Status: TypeAlias = Literal["in_progress", "completed", "incomplete"]
_OutputParts: TypeAlias = Annotated[
    ResponseInputTextContent | ResponseInputImageContent | ResponseInputFileContent,
    Field(discriminator="type"),
]


class Message(APIObject):
    """An input message (``role`` user, system or developer) with a list of parts."""

    content: list[ResponseInputParts]
    role: Literal["user", "system", "developer"]
    status: _Status | None = None
    type: Literal["message"] | None = None


class ComputerCallOutputAcknowledgedSafetyCheck(APIObject):
    """A safety check the caller acknowledged."""

    id: str
    code: str | None = None
    message: str | None = None


class ComputerCallOutput(APIObject):
    """The screenshot a computer action produced."""

    call_id: str
    output: ResponseComputerToolCallOutputScreenshot
    type: Literal["computer_call_output"]
    id: str | None = None
    acknowledged_safety_checks: list[ComputerCallOutputAcknowledgedSafetyCheck] | None = None
    status: _Status | None = None


class FunctionCallOutputCallerDirect(APIObject):
    """The model called the function itself."""

    type: Literal["direct"]


class FunctionCallOutputCallerProgram(APIObject):
    """A ``program`` item called the function."""

    caller_id: str
    type: Literal["program"]


class FunctionCallOutput(APIObject):
    """What a function returned, text or a list of input parts."""

    output: str | list[_OutputParts]
    type: Literal["function_call_output"]
    id: str | None = None
    call_id: str | None = None
    caller: Annotated[FunctionCallOutputCallerDirect | FunctionCallOutputCallerProgram | None,
                      Field(discriminator="type")] = None
    name: str | None = None
    namespace: str | None = None
    status: _Status | None = None


class ToolSearchCall(APIObject):
    """A tool search the model ran (``server``) or asked the caller to run (``client``)."""

    arguments: object
    type: Literal["tool_search_call"]
    id: str | None = None
    call_id: str | None = None
    execution: Literal["server", "client"] | None = None
    status: _Status | None = None


class AdditionalTools(APIObject):
    """Tools added by the developer mid-conversation."""

    role: Literal["developer"]
    tools: list[Tool]
    type: Literal["additional_tools"]
    id: str | None = None


class ShellCallAction(APIObject):
    """The commands a shell call runs."""

    commands: list[str]
    max_output_length: int | None = None
    timeout_ms: int | None = None


class ShellCallCallerDirect(APIObject):
    """The model called the shell itself."""

    type: Literal["direct"]


class ShellCallCallerProgram(APIObject):
    """A ``program`` item called the shell."""

    caller_id: str
    type: Literal["program"]


class ShellCall(APIObject):
    """Commands for the shell tool."""

    action: ShellCallAction
    call_id: str
    type: Literal["shell_call"]
    id: str | None = None
    caller: Annotated[ShellCallCallerDirect | ShellCallCallerProgram | None,
                      Field(discriminator="type")] = None
    environment: LocalEnvironment | ContainerReference | None = None
    status: _Status | None = None


class ShellCallOutputCallerDirect(APIObject):
    """The model called the shell itself."""

    type: Literal["direct"]


class ShellCallOutputCallerProgram(APIObject):
    """A ``program`` item called the shell."""

    caller_id: str
    type: Literal["program"]


class ShellCallOutput(APIObject):
    """What the shell commands printed."""

    call_id: str
    output: list[ResponseFunctionShellCallOutputContent]
    type: Literal["shell_call_output"]
    id: str | None = None
    caller: Annotated[ShellCallOutputCallerDirect | ShellCallOutputCallerProgram | None,
                      Field(discriminator="type")] = None
    max_output_length: int | None = None
    status: _Status | None = None


class ApplyPatchCallOperationCreateFile(APIObject):
    """Create ``path`` from ``diff``."""

    diff: str
    path: str
    type: Literal["create_file"]


class ApplyPatchCallOperationDeleteFile(APIObject):
    """Delete ``path``."""

    path: str
    type: Literal["delete_file"]


class ApplyPatchCallOperationUpdateFile(APIObject):
    """Apply ``diff`` to ``path``."""

    diff: str
    path: str
    type: Literal["update_file"]


class ApplyPatchCallCallerDirect(APIObject):
    """The model called the tool itself."""

    type: Literal["direct"]


class ApplyPatchCallCallerProgram(APIObject):
    """A ``program`` item called the tool."""

    caller_id: str
    type: Literal["program"]


class ApplyPatchCall(APIObject):
    """A file change for the apply_patch tool."""

    call_id: str
    operation: Annotated[ApplyPatchCallOperationCreateFile | ApplyPatchCallOperationDeleteFile
                         | ApplyPatchCallOperationUpdateFile, Field(discriminator="type")]
    status: Literal["in_progress", "completed"]
    type: Literal["apply_patch_call"]
    id: str | None = None
    caller: Annotated[ApplyPatchCallCallerDirect | ApplyPatchCallCallerProgram | None,
                      Field(discriminator="type")] = None


class ApplyPatchCallOutputCallerDirect(APIObject):
    """The model called the tool itself."""

    type: Literal["direct"]


class ApplyPatchCallOutputCallerProgram(APIObject):
    """A ``program`` item called the tool."""

    caller_id: str
    type: Literal["program"]


class ApplyPatchCallOutput(APIObject):
    """How applying a patch went."""

    call_id: str
    status: Literal["completed", "failed"]
    type: Literal["apply_patch_call_output"]
    id: str | None = None
    caller: Annotated[ApplyPatchCallOutputCallerDirect | ApplyPatchCallOutputCallerProgram | None,
                      Field(discriminator="type")] = None
    output: str | None = None


class McpApprovalResponse(APIObject):
    """The answer to an MCP approval request."""

    approval_request_id: str
    approve: bool
    type: Literal["mcp_approval_response"]
    id: str | None = None
    reason: str | None = None


class CompactionTrigger(APIObject):
    """Asks for the conversation to be compacted here."""

    type: Literal["compaction_trigger"]
    id: str | None = None


class ItemReference(APIObject):
    """An earlier item, by id."""

    id: str
    type: Literal["item_reference"] | None = None


ResponseInputItem: TypeAlias = (
    EasyInputMessage | Message | ResponseOutputMessage | ResponseFileSearchToolCall
    | ResponseComputerToolCall | ComputerCallOutput | ResponseFunctionWebSearch | ResponseFunctionToolCall
    | FunctionCallOutput | ToolSearchCall | ResponseToolSearchOutputItemParam | AdditionalTools
    | ResponseConfigurationUpdateItemParam | ResponseReasoningItem | ResponseCompactionItemParam
    | ImageGenerationCall | ResponseCodeInterpreterToolCall | LocalShellCall | LocalShellCallOutput
    | ShellCall | ShellCallOutput | ApplyPatchCall | ApplyPatchCallOutput | McpListTools | McpApprovalRequest
    | McpApprovalResponse | McpCall | ResponseCustomToolCallOutput | ResponseCustomToolCall
    | CompactionTrigger | ItemReference | Program | ProgramOutput
)
