"""Wire types of the Responses API (``client.responses``), mirroring ``openai.types.responses``.

Output items, content parts, tools and stream events are unions discriminated by ``type``; a
``type`` newer than gptkit becomes an ``Unknown...`` object that keeps every field, never an
error. The request side (``...Param`` TypedDicts) is checked before anything is sent.

Names load on first use, like ``gptkit.types``; every module is importable by its path as well
(``gptkit.types.responses.response_output_item``). Type checkers see the imports below (``X as
X``: re-exported).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gptkit.types._lazy import indexed_package

if TYPE_CHECKING:
    from .apply_patch_tool import ApplyPatchTool as ApplyPatchTool
    from .computer_tool import ComputerTool as ComputerTool
    from .computer_use_preview_tool import ComputerUsePreviewTool as ComputerUsePreviewTool
    from .container_auto import ContainerAuto as ContainerAuto
    from .container_network_policy_allowlist import (
        ContainerNetworkPolicyAllowlist as ContainerNetworkPolicyAllowlist,
    )
    from .container_network_policy_disabled import (
        ContainerNetworkPolicyDisabled as ContainerNetworkPolicyDisabled,
    )
    from .container_network_policy_domain_secret import (
        ContainerNetworkPolicyDomainSecret as ContainerNetworkPolicyDomainSecret,
    )
    from .container_reference import ContainerReference as ContainerReference
    from .custom_tool import CustomTool as CustomTool
    from .easy_input_message import EasyInputMessage as EasyInputMessage
    from .easy_input_message_param import EasyInputMessageParam as EasyInputMessageParam
    from .file_search_tool import FileSearchTool as FileSearchTool
    from .function_shell_tool import FunctionShellTool as FunctionShellTool
    from .function_tool import FunctionTool as FunctionTool
    from .function_tool_param import FunctionToolParam as FunctionToolParam
    from .inline_skill import InlineSkill as InlineSkill
    from .inline_skill_source import InlineSkillSource as InlineSkillSource
    from .input_item_list_params import InputItemListParams as InputItemListParams
    from .input_token_count_params import InputTokenCountParams as InputTokenCountParams
    from .input_token_count_response import InputTokenCountResponse as InputTokenCountResponse
    from .local_environment import LocalEnvironment as LocalEnvironment
    from .local_skill import LocalSkill as LocalSkill
    from .mcp_tool_call_error import McpToolCallError as McpToolCallError
    from .namespace_tool import NamespaceTool as NamespaceTool
    from .parsed_response import ParsedContent as ParsedContent
    from .parsed_response import ParsedResponse as ParsedResponse
    from .parsed_response import ParsedResponseFunctionToolCall as ParsedResponseFunctionToolCall
    from .parsed_response import ParsedResponseOutputItem as ParsedResponseOutputItem
    from .parsed_response import ParsedResponseOutputMessage as ParsedResponseOutputMessage
    from .parsed_response import ParsedResponseOutputText as ParsedResponseOutputText
    from .response import Response as Response
    from .response import ResponsePrompt as ResponsePrompt
    from .response_apply_patch_tool_call import ResponseApplyPatchToolCall as ResponseApplyPatchToolCall
    from .response_apply_patch_tool_call_output import (
        ResponseApplyPatchToolCallOutput as ResponseApplyPatchToolCallOutput,
    )
    from .response_audio_delta_event import ResponseAudioDeltaEvent as ResponseAudioDeltaEvent
    from .response_audio_done_event import ResponseAudioDoneEvent as ResponseAudioDoneEvent
    from .response_audio_transcript_delta_event import (
        ResponseAudioTranscriptDeltaEvent as ResponseAudioTranscriptDeltaEvent,
    )
    from .response_audio_transcript_done_event import (
        ResponseAudioTranscriptDoneEvent as ResponseAudioTranscriptDoneEvent,
    )
    from .response_code_interpreter_call_code_delta_event import (
        ResponseCodeInterpreterCallCodeDeltaEvent as ResponseCodeInterpreterCallCodeDeltaEvent,
    )
    from .response_code_interpreter_call_code_done_event import (
        ResponseCodeInterpreterCallCodeDoneEvent as ResponseCodeInterpreterCallCodeDoneEvent,
    )
    from .response_code_interpreter_call_completed_event import (
        ResponseCodeInterpreterCallCompletedEvent as ResponseCodeInterpreterCallCompletedEvent,
    )
    from .response_code_interpreter_call_in_progress_event import (
        ResponseCodeInterpreterCallInProgressEvent as ResponseCodeInterpreterCallInProgressEvent,
    )
    from .response_code_interpreter_call_interpreting_event import (
        ResponseCodeInterpreterCallInterpretingEvent as ResponseCodeInterpreterCallInterpretingEvent,
    )
    from .response_code_interpreter_tool_call import (
        ResponseCodeInterpreterToolCall as ResponseCodeInterpreterToolCall,
    )
    from .response_code_interpreter_tool_call import UnknownOutput as UnknownOutput
    from .response_compaction_item import ResponseCompactionItem as ResponseCompactionItem
    from .response_compaction_item_param import ResponseCompactionItemParam as ResponseCompactionItemParam
    from .response_completed_event import ResponseCompletedEvent as ResponseCompletedEvent
    from .response_computer_tool_call import ResponseComputerToolCall as ResponseComputerToolCall
    from .response_computer_tool_call_output_item import (
        ResponseComputerToolCallOutputItem as ResponseComputerToolCallOutputItem,
    )
    from .response_computer_tool_call_output_screenshot import (
        ResponseComputerToolCallOutputScreenshot as ResponseComputerToolCallOutputScreenshot,
    )
    from .response_configuration_update_item import (
        ResponseConfigurationUpdateItem as ResponseConfigurationUpdateItem,
    )
    from .response_configuration_update_item_param import (
        ResponseConfigurationUpdateItemParam as ResponseConfigurationUpdateItemParam,
    )
    from .response_container_reference import ResponseContainerReference as ResponseContainerReference
    from .response_content_part_added_event import (
        ResponseContentPartAddedEvent as ResponseContentPartAddedEvent,
    )
    from .response_content_part_done_event import ResponseContentPartDoneEvent as ResponseContentPartDoneEvent
    from .response_create_params import ResponseConversationParam as ResponseConversationParam
    from .response_create_params import ResponseCreateArgs as ResponseCreateArgs
    from .response_create_params import ResponseCreateParams as ResponseCreateParams
    from .response_create_params import ResponseIncludable as ResponseIncludable
    from .response_create_params import ResponsePromptParam as ResponsePromptParam
    from .response_create_params import ToolChoiceAllowedParam as ToolChoiceAllowedParam
    from .response_create_params import ToolChoiceCustomParam as ToolChoiceCustomParam
    from .response_create_params import ToolChoiceFunctionParam as ToolChoiceFunctionParam
    from .response_create_params import ToolChoiceMcpParam as ToolChoiceMcpParam
    from .response_create_params import ToolChoiceTypesParam as ToolChoiceTypesParam
    from .response_created_event import ResponseCreatedEvent as ResponseCreatedEvent
    from .response_custom_tool_call import ResponseCustomToolCall as ResponseCustomToolCall
    from .response_custom_tool_call_input_delta_event import (
        ResponseCustomToolCallInputDeltaEvent as ResponseCustomToolCallInputDeltaEvent,
    )
    from .response_custom_tool_call_input_done_event import (
        ResponseCustomToolCallInputDoneEvent as ResponseCustomToolCallInputDoneEvent,
    )
    from .response_custom_tool_call_item import ResponseCustomToolCallItem as ResponseCustomToolCallItem
    from .response_custom_tool_call_output import ResponseCustomToolCallOutput as ResponseCustomToolCallOutput
    from .response_custom_tool_call_output_item import (
        ResponseCustomToolCallOutputItem as ResponseCustomToolCallOutputItem,
    )
    from .response_error import ResponseError as ResponseError
    from .response_error_event import ResponseErrorEvent as ResponseErrorEvent
    from .response_failed_event import ResponseFailedEvent as ResponseFailedEvent
    from .response_file_search_call_completed_event import (
        ResponseFileSearchCallCompletedEvent as ResponseFileSearchCallCompletedEvent,
    )
    from .response_file_search_call_in_progress_event import (
        ResponseFileSearchCallInProgressEvent as ResponseFileSearchCallInProgressEvent,
    )
    from .response_file_search_call_searching_event import (
        ResponseFileSearchCallSearchingEvent as ResponseFileSearchCallSearchingEvent,
    )
    from .response_file_search_tool_call import ResponseFileSearchToolCall as ResponseFileSearchToolCall
    from .response_format_text_config import ResponseFormatTextConfig as ResponseFormatTextConfig
    from .response_format_text_json_schema_config import (
        ResponseFormatTextJSONSchemaConfig as ResponseFormatTextJSONSchemaConfig,
    )
    from .response_function_call_arguments_delta_event import (
        ResponseFunctionCallArgumentsDeltaEvent as ResponseFunctionCallArgumentsDeltaEvent,
    )
    from .response_function_call_arguments_done_event import (
        ResponseFunctionCallArgumentsDoneEvent as ResponseFunctionCallArgumentsDoneEvent,
    )
    from .response_function_shell_call_output_content import (
        ResponseFunctionShellCallOutputContent as ResponseFunctionShellCallOutputContent,
    )
    from .response_function_shell_tool_call import (
        ResponseFunctionShellToolCall as ResponseFunctionShellToolCall,
    )
    from .response_function_shell_tool_call_output import (
        ResponseFunctionShellToolCallOutput as ResponseFunctionShellToolCallOutput,
    )
    from .response_function_tool_call import ResponseFunctionToolCall as ResponseFunctionToolCall
    from .response_function_tool_call_item import ResponseFunctionToolCallItem as ResponseFunctionToolCallItem
    from .response_function_tool_call_output_item import (
        ResponseFunctionToolCallOutputItem as ResponseFunctionToolCallOutputItem,
    )
    from .response_function_tool_call_param import (
        ResponseFunctionToolCallParam as ResponseFunctionToolCallParam,
    )
    from .response_function_web_search import ResponseFunctionWebSearch as ResponseFunctionWebSearch
    from .response_function_web_search import UnknownAction as UnknownAction
    from .response_image_gen_call_completed_event import (
        ResponseImageGenCallCompletedEvent as ResponseImageGenCallCompletedEvent,
    )
    from .response_image_gen_call_generating_event import (
        ResponseImageGenCallGeneratingEvent as ResponseImageGenCallGeneratingEvent,
    )
    from .response_image_gen_call_in_progress_event import (
        ResponseImageGenCallInProgressEvent as ResponseImageGenCallInProgressEvent,
    )
    from .response_image_gen_call_partial_image_event import (
        ResponseImageGenCallPartialImageEvent as ResponseImageGenCallPartialImageEvent,
    )
    from .response_in_progress_event import ResponseInProgressEvent as ResponseInProgressEvent
    from .response_incomplete_event import ResponseIncompleteEvent as ResponseIncompleteEvent
    from .response_input_content import ResponseInputAudio as ResponseInputAudio
    from .response_input_content import ResponseInputContent as ResponseInputContent
    from .response_input_content import ResponseInputFile as ResponseInputFile
    from .response_input_content import ResponseInputImage as ResponseInputImage
    from .response_input_content import ResponseInputText as ResponseInputText
    from .response_input_content_param import ResponseInputAudioParam as ResponseInputAudioParam
    from .response_input_content_param import ResponseInputContentParam as ResponseInputContentParam
    from .response_input_content_param import ResponseInputFileParam as ResponseInputFileParam
    from .response_input_content_param import ResponseInputImageParam as ResponseInputImageParam
    from .response_input_content_param import (
        ResponseInputMessageContentListParam as ResponseInputMessageContentListParam,
    )
    from .response_input_content_param import ResponseInputTextParam as ResponseInputTextParam
    from .response_input_file_content import ResponseInputFileContent as ResponseInputFileContent
    from .response_input_image_content import ResponseInputImageContent as ResponseInputImageContent
    from .response_input_item import ResponseInputItem as ResponseInputItem
    from .response_input_item_param import (
        ResponseCustomToolCallOutputParam as ResponseCustomToolCallOutputParam,
    )
    from .response_input_item_param import ResponseInputItemParam as ResponseInputItemParam
    from .response_input_message_item import ResponseInputMessageItem as ResponseInputMessageItem
    from .response_input_param import ResponseInputParam as ResponseInputParam
    from .response_input_text_content import ResponseInputTextContent as ResponseInputTextContent
    from .response_item import ResponseItem as ResponseItem
    from .response_item_list import ResponseItemList as ResponseItemList
    from .response_local_environment import ResponseLocalEnvironment as ResponseLocalEnvironment
    from .response_mcp_call_arguments_delta_event import (
        ResponseMcpCallArgumentsDeltaEvent as ResponseMcpCallArgumentsDeltaEvent,
    )
    from .response_mcp_call_arguments_done_event import (
        ResponseMcpCallArgumentsDoneEvent as ResponseMcpCallArgumentsDoneEvent,
    )
    from .response_mcp_call_completed_event import (
        ResponseMcpCallCompletedEvent as ResponseMcpCallCompletedEvent,
    )
    from .response_mcp_call_failed_event import ResponseMcpCallFailedEvent as ResponseMcpCallFailedEvent
    from .response_mcp_call_in_progress_event import (
        ResponseMcpCallInProgressEvent as ResponseMcpCallInProgressEvent,
    )
    from .response_mcp_list_tools_completed_event import (
        ResponseMcpListToolsCompletedEvent as ResponseMcpListToolsCompletedEvent,
    )
    from .response_mcp_list_tools_failed_event import (
        ResponseMcpListToolsFailedEvent as ResponseMcpListToolsFailedEvent,
    )
    from .response_mcp_list_tools_in_progress_event import (
        ResponseMcpListToolsInProgressEvent as ResponseMcpListToolsInProgressEvent,
    )
    from .response_output_item import ResponseOutputItem as ResponseOutputItem
    from .response_output_item import UnknownOutputItem as UnknownOutputItem
    from .response_output_item_added_event import ResponseOutputItemAddedEvent as ResponseOutputItemAddedEvent
    from .response_output_item_done_event import ResponseOutputItemDoneEvent as ResponseOutputItemDoneEvent
    from .response_output_message import ResponseOutputMessage as ResponseOutputMessage
    from .response_output_message import UnknownContent as UnknownContent
    from .response_output_message_param import ResponseOutputMessageParam as ResponseOutputMessageParam
    from .response_output_message_param import ResponseOutputRefusalParam as ResponseOutputRefusalParam
    from .response_output_message_param import ResponseOutputTextParam as ResponseOutputTextParam
    from .response_output_refusal import ResponseOutputRefusal as ResponseOutputRefusal
    from .response_output_text import ResponseOutputText as ResponseOutputText
    from .response_output_text import UnknownAnnotation as UnknownAnnotation
    from .response_output_text_annotation_added_event import (
        ResponseOutputTextAnnotationAddedEvent as ResponseOutputTextAnnotationAddedEvent,
    )
    from .response_queued_event import ResponseQueuedEvent as ResponseQueuedEvent
    from .response_reasoning_item import ResponseReasoningItem as ResponseReasoningItem
    from .response_reasoning_item_param import ResponseReasoningItemParam as ResponseReasoningItemParam
    from .response_reasoning_summary_part_added_event import (
        ResponseReasoningSummaryPartAddedEvent as ResponseReasoningSummaryPartAddedEvent,
    )
    from .response_reasoning_summary_part_done_event import (
        ResponseReasoningSummaryPartDoneEvent as ResponseReasoningSummaryPartDoneEvent,
    )
    from .response_reasoning_summary_text_delta_event import (
        ResponseReasoningSummaryTextDeltaEvent as ResponseReasoningSummaryTextDeltaEvent,
    )
    from .response_reasoning_summary_text_done_event import (
        ResponseReasoningSummaryTextDoneEvent as ResponseReasoningSummaryTextDoneEvent,
    )
    from .response_reasoning_text_delta_event import (
        ResponseReasoningTextDeltaEvent as ResponseReasoningTextDeltaEvent,
    )
    from .response_reasoning_text_done_event import (
        ResponseReasoningTextDoneEvent as ResponseReasoningTextDoneEvent,
    )
    from .response_refusal_delta_event import ResponseRefusalDeltaEvent as ResponseRefusalDeltaEvent
    from .response_refusal_done_event import ResponseRefusalDoneEvent as ResponseRefusalDoneEvent
    from .response_retrieve_params import ResponseRetrieveParams as ResponseRetrieveParams
    from .response_shell_call_command_added_event import (
        ResponseShellCallCommandAddedEvent as ResponseShellCallCommandAddedEvent,
    )
    from .response_shell_call_command_delta_event import (
        ResponseShellCallCommandDeltaEvent as ResponseShellCallCommandDeltaEvent,
    )
    from .response_shell_call_command_done_event import (
        ResponseShellCallCommandDoneEvent as ResponseShellCallCommandDoneEvent,
    )
    from .response_shell_call_output_content_delta_event import (
        ResponseShellCallOutputContentDeltaEvent as ResponseShellCallOutputContentDeltaEvent,
    )
    from .response_shell_call_output_content_done_event import (
        ResponseShellCallOutputContentDoneEvent as ResponseShellCallOutputContentDoneEvent,
    )
    from .response_status import TERMINAL_STATUSES as TERMINAL_STATUSES
    from .response_status import ResponseStatus as ResponseStatus
    from .response_stream_event import ResponseStreamEvent as ResponseStreamEvent
    from .response_stream_event import UnknownStreamEvent as UnknownStreamEvent
    from .response_text_config import ResponseTextConfig as ResponseTextConfig
    from .response_text_config_param import ResponseFormatTextConfigParam as ResponseFormatTextConfigParam
    from .response_text_config_param import (
        ResponseFormatTextJSONSchemaConfigParam as ResponseFormatTextJSONSchemaConfigParam,
    )
    from .response_text_config_param import ResponseTextConfigParam as ResponseTextConfigParam
    from .response_text_delta_event import ResponseTextDeltaEvent as ResponseTextDeltaEvent
    from .response_text_done_event import ResponseTextDoneEvent as ResponseTextDoneEvent
    from .response_tool_search_call import ResponseToolSearchCall as ResponseToolSearchCall
    from .response_tool_search_output_item import ResponseToolSearchOutputItem as ResponseToolSearchOutputItem
    from .response_tool_search_output_item_param import (
        ResponseToolSearchOutputItemParam as ResponseToolSearchOutputItemParam,
    )
    from .response_usage import ResponseUsage as ResponseUsage
    from .response_web_search_call_completed_event import (
        ResponseWebSearchCallCompletedEvent as ResponseWebSearchCallCompletedEvent,
    )
    from .response_web_search_call_in_progress_event import (
        ResponseWebSearchCallInProgressEvent as ResponseWebSearchCallInProgressEvent,
    )
    from .response_web_search_call_searching_event import (
        ResponseWebSearchCallSearchingEvent as ResponseWebSearchCallSearchingEvent,
    )
    from .skill_reference import SkillReference as SkillReference
    from .tool import Tool as Tool
    from .tool import UnknownTool as UnknownTool
    from .tool_choice_allowed import ToolChoiceAllowed as ToolChoiceAllowed
    from .tool_choice_apply_patch import ToolChoiceApplyPatch as ToolChoiceApplyPatch
    from .tool_choice_custom import ToolChoiceCustom as ToolChoiceCustom
    from .tool_choice_function import ToolChoiceFunction as ToolChoiceFunction
    from .tool_choice_mcp import ToolChoiceMcp as ToolChoiceMcp
    from .tool_choice_options import ToolChoiceOptions as ToolChoiceOptions
    from .tool_choice_shell import ToolChoiceShell as ToolChoiceShell
    from .tool_choice_types import ToolChoiceTypes as ToolChoiceTypes
    from .tool_param import ComputerUsePreviewToolParam as ComputerUsePreviewToolParam
    from .tool_param import CustomToolParam as CustomToolParam
    from .tool_param import FileSearchToolParam as FileSearchToolParam
    from .tool_param import ToolParam as ToolParam
    from .tool_param import WebSearchPreviewToolParam as WebSearchPreviewToolParam
    from .tool_param import WebSearchToolParam as WebSearchToolParam
    from .tool_search_tool import ToolSearchTool as ToolSearchTool
    from .web_search_preview_tool import WebSearchPreviewTool as WebSearchPreviewTool
    from .web_search_tool import WebSearchTool as WebSearchTool


__getattr__: Callable[[str], Any]
__dir__: Callable[[], list[str]]
__getattr__, __dir__, _names = indexed_package(__name__)  # names loaded on first use (``_index``)
__all__ = list(_names)  # the names imported above for type checkers
