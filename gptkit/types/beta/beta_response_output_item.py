"""``BetaResponseOutputItem``: every kind of item in a beta response's ``output``, by ``type``.

Each kind is the GA item (``gptkit.types.responses``) plus ``agent``, the agent of a multi-agent
response that produced it (None for the coordinator's own items); the multi-agent kinds
(``agent_message``, ``multi_agent_call``, ``multi_agent_call_output``) are the beta API's own. An
item of a ``type`` gptkit does not know yet becomes ``UnknownOutputItem``, never an error.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.beta.beta_response_apply_patch_tool_call import BetaResponseApplyPatchToolCall
from gptkit.types.beta.beta_response_apply_patch_tool_call_output import BetaResponseApplyPatchToolCallOutput
from gptkit.types.beta.beta_response_code_interpreter_tool_call import BetaResponseCodeInterpreterToolCall
from gptkit.types.beta.beta_response_compaction_item import BetaResponseCompactionItem
from gptkit.types.beta.beta_response_computer_tool_call import BetaResponseComputerToolCall
from gptkit.types.beta.beta_response_computer_tool_call_output_item import (
    BetaResponseComputerToolCallOutputItem,
)
from gptkit.types.beta.beta_response_custom_tool_call import BetaResponseCustomToolCall
from gptkit.types.beta.beta_response_custom_tool_call_output_item import BetaResponseCustomToolCallOutputItem
from gptkit.types.beta.beta_response_file_search_tool_call import BetaResponseFileSearchToolCall
from gptkit.types.beta.beta_response_function_shell_tool_call import BetaResponseFunctionShellToolCall
from gptkit.types.beta.beta_response_function_shell_tool_call_output import (
    BetaResponseFunctionShellToolCallOutput,
)
from gptkit.types.beta.beta_response_function_tool_call import BetaResponseFunctionToolCall
from gptkit.types.beta.beta_response_function_tool_call_output_item import (
    BetaResponseFunctionToolCallOutputItem,
)
from gptkit.types.beta.beta_response_function_web_search import BetaResponseFunctionWebSearch
from gptkit.types.beta.beta_response_output_message import BetaResponseOutputMessage
from gptkit.types.beta.beta_response_output_refusal import BetaResponseOutputRefusal
from gptkit.types.beta.beta_response_output_text import BetaResponseOutputText
from gptkit.types.beta.beta_response_reasoning_item import BetaResponseReasoningItem
from gptkit.types.beta.beta_response_tool_search_call import BetaResponseToolSearchCall
from gptkit.types.beta.beta_response_tool_search_output_item import BetaResponseToolSearchOutputItem
from gptkit.types.responses import response_output_item as _ga
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response_input_content import (
    ResponseInputFile,
    ResponseInputImage,
    ResponseInputText,
)
from gptkit.types.responses.response_output_item import UnknownOutputItem

__all__ = [
    "AdditionalTools", "AdditionalToolsAgent", "AgentMessage", "AgentMessageAgent", "AgentMessageContent",
    "AgentMessageContentComputerScreenshot", "AgentMessageContentComputerScreenshotPromptCacheBreakpoint",
    "AgentMessageContentEncryptedContent", "AgentMessageContentReasoningText",
    "AgentMessageContentSummaryText", "AgentMessageContentText", "BetaResponseOutputItem",
    "ImageGenerationCall", "ImageGenerationCallAgent", "LocalShellCall", "LocalShellCallAgent",
    "LocalShellCallOutput", "LocalShellCallOutputAgent", "McpApprovalRequest", "McpApprovalRequestAgent",
    "McpApprovalResponse", "McpApprovalResponseAgent", "McpCall", "McpCallAgent", "McpListTools",
    "McpListToolsAgent", "MultiAgentCall", "MultiAgentCallAgent", "MultiAgentCallOutput",
    "MultiAgentCallOutputAgent", "Program", "ProgramAgent", "ProgramOutput", "ProgramOutputAgent",
    "UnknownOutputItem",
]

#: What a multi-agent call asks of the agents (a plain string too: the list grows).
MultiAgentAction: TypeAlias = Literal[
    "spawn_agent", "interrupt_agent", "list_agents", "send_message", "followup_task", "wait_agent"
]


# The official classes name each kind's agent after the kind (``McpCallAgent``...): printed so.
class ProgramAgent(Agent):
    """The agent that produced this item."""


class ProgramOutputAgent(Agent):
    """The agent that produced this item."""


class AdditionalToolsAgent(Agent):
    """The agent that produced this item."""


class ImageGenerationCallAgent(Agent):
    """The agent that produced this item."""


class LocalShellCallAgent(Agent):
    """The agent that produced this item."""


class LocalShellCallOutputAgent(Agent):
    """The agent that produced this item."""


class McpCallAgent(Agent):
    """The agent that produced this item."""


class McpListToolsAgent(Agent):
    """The agent that produced this item."""


class McpApprovalRequestAgent(Agent):
    """The agent that produced this item."""


class McpApprovalResponseAgent(Agent):
    """The agent that produced this item."""


class AgentMessageAgent(Agent):
    """The agent that produced this item."""


class MultiAgentCallAgent(Agent):
    """The agent that produced this item."""


class MultiAgentCallOutputAgent(Agent):
    """The agent that produced this item."""


class Program(_ga.Program):
    """``Program`` with the agent that produced it."""

    agent: ProgramAgent | None = None


class ProgramOutput(_ga.ProgramOutput):
    """``ProgramOutput`` with the agent that produced it."""

    agent: ProgramOutputAgent | None = None


class AdditionalTools(_ga.AdditionalTools):
    """``AdditionalTools`` with the agent that produced it."""

    agent: AdditionalToolsAgent | None = None


@agent_before("background")
class ImageGenerationCall(_ga.ImageGenerationCall):
    """``ImageGenerationCall`` with the agent that produced it."""

    agent: ImageGenerationCallAgent | None = None


class LocalShellCall(_ga.LocalShellCall):
    """``LocalShellCall`` with the agent that produced it."""

    agent: LocalShellCallAgent | None = None


@agent_before("status")
class LocalShellCallOutput(_ga.LocalShellCallOutput):
    """``LocalShellCallOutput`` with the agent that produced it."""

    agent: LocalShellCallOutputAgent | None = None


@agent_before("approval_request_id")
class McpCall(_ga.McpCall):
    """``McpCall`` with the agent that produced it."""

    agent: McpCallAgent | None = None


@agent_before("error")
class McpListTools(_ga.McpListTools):
    """``McpListTools`` with the agent that produced it."""

    agent: McpListToolsAgent | None = None


class McpApprovalRequest(_ga.McpApprovalRequest):
    """``McpApprovalRequest`` with the agent that produced it."""

    agent: McpApprovalRequestAgent | None = None


@agent_before("reason")
class McpApprovalResponse(_ga.McpApprovalResponse):
    """``McpApprovalResponse`` with the agent that produced it."""

    agent: McpApprovalResponseAgent | None = None


class AgentMessageContentText(APIObject):
    """A text content."""

    text: str = ""
    type: Literal["text"] = "text"


class AgentMessageContentSummaryText(APIObject):
    """A summary of the reasoning output so far."""

    text: str = ""
    type: Literal["summary_text"] = "summary_text"


class AgentMessageContentReasoningText(APIObject):
    """Reasoning text from the model."""

    text: str = ""
    type: Literal["reasoning_text"] = "reasoning_text"


class AgentMessageContentComputerScreenshotPromptCacheBreakpoint(APIObject):
    """Marks the exact end of a reusable prompt prefix."""

    mode: str = "explicit"
    ttl: str | None = None


class AgentMessageContentComputerScreenshot(APIObject):
    """A screenshot of a computer."""

    detail: str = "auto"
    file_id: str | None = None
    image_url: str | None = None
    type: Literal["computer_screenshot"] = "computer_screenshot"
    prompt_cache_breakpoint: AgentMessageContentComputerScreenshotPromptCacheBreakpoint | None = None


class AgentMessageContentEncryptedContent(APIObject):
    """Opaque encrypted content, decrypted by the API inside trusted model execution."""

    encrypted_content: str = ""
    type: Literal["encrypted_content"] = "encrypted_content"


_CONTENT = (
    Annotated[ResponseInputText, Tag("input_text")]
    | Annotated[BetaResponseOutputText, Tag("output_text")]
    | Annotated[AgentMessageContentText, Tag("text")]
    | Annotated[AgentMessageContentSummaryText, Tag("summary_text")]
    | Annotated[AgentMessageContentReasoningText, Tag("reasoning_text")]
    | Annotated[BetaResponseOutputRefusal, Tag("refusal")]
    | Annotated[ResponseInputImage, Tag("input_image")]
    | Annotated[AgentMessageContentComputerScreenshot, Tag("computer_screenshot")]
    | Annotated[ResponseInputFile, Tag("input_file")]
    | Annotated[AgentMessageContentEncryptedContent, Tag("encrypted_content")]
    | Annotated[APIObject, Tag(UNKNOWN)]
)
AgentMessageContent: TypeAlias = Annotated[_CONTENT, by_type(_CONTENT)]


class AgentMessage(APIObject):
    """A message one agent of a multi-agent response sent another (``author`` to ``recipient``)."""

    id: str = ""
    author: str = ""
    content: list[AgentMessageContent] = []
    recipient: str = ""
    type: Literal["agent_message"] = "agent_message"
    agent: AgentMessageAgent | None = None


class MultiAgentCall(APIObject):
    """The coordinator's call on its agents (spawn one, send it a message, wait for it...)."""

    id: str = ""
    action: MultiAgentAction | str = ""
    arguments: str = ""
    call_id: str = ""
    type: Literal["multi_agent_call"] = "multi_agent_call"
    agent: MultiAgentCallAgent | None = None


class MultiAgentCallOutput(APIObject):
    """What a ``multi_agent_call`` gave back."""

    id: str = ""
    action: MultiAgentAction | str = ""
    call_id: str = ""
    output: list[BetaResponseOutputText] = []
    type: Literal["multi_agent_call_output"] = "multi_agent_call_output"
    agent: MultiAgentCallOutputAgent | None = None


#: The kinds ``input_items.list`` (``BetaResponseItem``) shares with ``output``.
TOOL_OUTPUT_ITEMS = (
    Annotated[AgentMessage, Tag("agent_message")]
    | Annotated[MultiAgentCall, Tag("multi_agent_call")]
    | Annotated[MultiAgentCallOutput, Tag("multi_agent_call_output")]
    | Annotated[Program, Tag("program")]
    | Annotated[ProgramOutput, Tag("program_output")]
    | Annotated[BetaResponseToolSearchCall, Tag("tool_search_call")]
    | Annotated[BetaResponseToolSearchOutputItem, Tag("tool_search_output")]
    | Annotated[AdditionalTools, Tag("additional_tools")]
    | Annotated[BetaResponseCustomToolCallOutputItem, Tag("custom_tool_call_output")]
    | Annotated[BetaResponseCompactionItem, Tag("compaction")]
    | Annotated[BetaResponseApplyPatchToolCall, Tag("apply_patch_call")]
    | Annotated[BetaResponseApplyPatchToolCallOutput, Tag("apply_patch_call_output")]
    | Annotated[BetaResponseFunctionShellToolCall, Tag("shell_call")]
    | Annotated[BetaResponseFunctionShellToolCallOutput, Tag("shell_call_output")]
    | Annotated[BetaResponseFileSearchToolCall, Tag("file_search_call")]
    | Annotated[BetaResponseComputerToolCall, Tag("computer_call")]
    | Annotated[BetaResponseComputerToolCallOutputItem, Tag("computer_call_output")]
    | Annotated[BetaResponseFunctionWebSearch, Tag("web_search_call")]
    | Annotated[BetaResponseFunctionToolCallOutputItem, Tag("function_call_output")]
    | Annotated[BetaResponseReasoningItem, Tag("reasoning")]
    | Annotated[ImageGenerationCall, Tag("image_generation_call")]
    | Annotated[BetaResponseCodeInterpreterToolCall, Tag("code_interpreter_call")]
    | Annotated[LocalShellCall, Tag("local_shell_call")]
    | Annotated[LocalShellCallOutput, Tag("local_shell_call_output")]
    | Annotated[McpCall, Tag("mcp_call")]
    | Annotated[McpListTools, Tag("mcp_list_tools")]
    | Annotated[McpApprovalRequest, Tag("mcp_approval_request")]
    | Annotated[McpApprovalResponse, Tag("mcp_approval_response")]
)
_OUTPUT_ITEMS = (
    Annotated[BetaResponseOutputMessage, Tag("message")]
    | Annotated[BetaResponseFunctionToolCall, Tag("function_call")]
    | Annotated[BetaResponseCustomToolCall, Tag("custom_tool_call")]
    | TOOL_OUTPUT_ITEMS
    | Annotated[UnknownOutputItem, Tag(UNKNOWN)]
)
BetaResponseOutputItem: TypeAlias = Annotated[_OUTPUT_ITEMS, by_type(_OUTPUT_ITEMS)]
