"""Wire types of the Responses API (``client.responses``), mirroring ``openai.types.responses``.

Output items, content parts, tools and stream events are unions discriminated by ``type``; a
``type`` newer than gptkit becomes an ``Unknown...`` object that keeps every field, never an
error. The request side (``...Param`` TypedDicts) is checked before anything is sent.

Names load on first use, like ``gptkit.types``; every module is importable by its path as well
(``gptkit.types.responses.response_output_item``). Type checkers see the imports below (``X as
X``: re-exported).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gptkit.types.responses.easy_input_message_param import EasyInputMessageParam as EasyInputMessageParam
    from gptkit.types.responses.function_tool_param import FunctionToolParam as FunctionToolParam
    from gptkit.types.responses.input_item_list_params import InputItemListParams as InputItemListParams
    from gptkit.types.responses.input_token_count_params import InputTokenCountParams as InputTokenCountParams
    from gptkit.types.responses.input_token_count_response import (
        InputTokenCountResponse as InputTokenCountResponse,
    )
    from gptkit.types.responses.parsed_response import (
        ParsedContent as ParsedContent,
    )
    from gptkit.types.responses.parsed_response import (
        ParsedResponse as ParsedResponse,
    )
    from gptkit.types.responses.parsed_response import (
        ParsedResponseFunctionToolCall as ParsedResponseFunctionToolCall,
    )
    from gptkit.types.responses.parsed_response import (
        ParsedResponseOutputItem as ParsedResponseOutputItem,
    )
    from gptkit.types.responses.parsed_response import (
        ParsedResponseOutputMessage as ParsedResponseOutputMessage,
    )
    from gptkit.types.responses.parsed_response import (
        ParsedResponseOutputText as ParsedResponseOutputText,
    )
    from gptkit.types.responses.response import Response as Response
    from gptkit.types.responses.response import ResponsePrompt as ResponsePrompt
    from gptkit.types.responses.response_audio_delta_event import (
        ResponseAudioDeltaEvent as ResponseAudioDeltaEvent,
    )
    from gptkit.types.responses.response_audio_done_event import (
        ResponseAudioDoneEvent as ResponseAudioDoneEvent,
    )
    from gptkit.types.responses.response_audio_transcript_delta_event import (
        ResponseAudioTranscriptDeltaEvent as ResponseAudioTranscriptDeltaEvent,
    )
    from gptkit.types.responses.response_audio_transcript_done_event import (
        ResponseAudioTranscriptDoneEvent as ResponseAudioTranscriptDoneEvent,
    )
    from gptkit.types.responses.response_code_interpreter_call_code_delta_event import (
        ResponseCodeInterpreterCallCodeDeltaEvent as ResponseCodeInterpreterCallCodeDeltaEvent,
    )
    from gptkit.types.responses.response_code_interpreter_call_code_done_event import (
        ResponseCodeInterpreterCallCodeDoneEvent as ResponseCodeInterpreterCallCodeDoneEvent,
    )
    from gptkit.types.responses.response_code_interpreter_call_completed_event import (
        ResponseCodeInterpreterCallCompletedEvent as ResponseCodeInterpreterCallCompletedEvent,
    )
    from gptkit.types.responses.response_code_interpreter_call_in_progress_event import (
        ResponseCodeInterpreterCallInProgressEvent as ResponseCodeInterpreterCallInProgressEvent,
    )
    from gptkit.types.responses.response_code_interpreter_call_interpreting_event import (
        ResponseCodeInterpreterCallInterpretingEvent as ResponseCodeInterpreterCallInterpretingEvent,
    )
    from gptkit.types.responses.response_code_interpreter_tool_call import (
        ResponseCodeInterpreterToolCall as ResponseCodeInterpreterToolCall,
    )
    from gptkit.types.responses.response_code_interpreter_tool_call import (
        UnknownOutput as UnknownOutput,
    )
    from gptkit.types.responses.response_completed_event import (
        ResponseCompletedEvent as ResponseCompletedEvent,
    )
    from gptkit.types.responses.response_computer_tool_call import (
        ResponseComputerToolCall as ResponseComputerToolCall,
    )
    from gptkit.types.responses.response_computer_tool_call_output_item import (
        ResponseComputerToolCallOutputItem as ResponseComputerToolCallOutputItem,
    )
    from gptkit.types.responses.response_content_part_added_event import (
        ResponseContentPartAddedEvent as ResponseContentPartAddedEvent,
    )
    from gptkit.types.responses.response_content_part_done_event import (
        ResponseContentPartDoneEvent as ResponseContentPartDoneEvent,
    )
    from gptkit.types.responses.response_create_params import (
        ResponseConversationParam as ResponseConversationParam,
    )
    from gptkit.types.responses.response_create_params import (
        ResponseCreateArgs as ResponseCreateArgs,
    )
    from gptkit.types.responses.response_create_params import (
        ResponseCreateParams as ResponseCreateParams,
    )
    from gptkit.types.responses.response_create_params import (
        ResponseIncludable as ResponseIncludable,
    )
    from gptkit.types.responses.response_create_params import (
        ResponsePromptParam as ResponsePromptParam,
    )
    from gptkit.types.responses.response_create_params import (
        ToolChoiceAllowedParam as ToolChoiceAllowedParam,
    )
    from gptkit.types.responses.response_create_params import (
        ToolChoiceCustomParam as ToolChoiceCustomParam,
    )
    from gptkit.types.responses.response_create_params import (
        ToolChoiceFunctionParam as ToolChoiceFunctionParam,
    )
    from gptkit.types.responses.response_create_params import (
        ToolChoiceMcpParam as ToolChoiceMcpParam,
    )
    from gptkit.types.responses.response_create_params import (
        ToolChoiceOptions as ToolChoiceOptions,
    )
    from gptkit.types.responses.response_create_params import (
        ToolChoiceTypesParam as ToolChoiceTypesParam,
    )
    from gptkit.types.responses.response_created_event import ResponseCreatedEvent as ResponseCreatedEvent
    from gptkit.types.responses.response_custom_tool_call import (
        ResponseCustomToolCall as ResponseCustomToolCall,
    )
    from gptkit.types.responses.response_custom_tool_call_input_delta_event import (
        ResponseCustomToolCallInputDeltaEvent as ResponseCustomToolCallInputDeltaEvent,
    )
    from gptkit.types.responses.response_custom_tool_call_input_done_event import (
        ResponseCustomToolCallInputDoneEvent as ResponseCustomToolCallInputDoneEvent,
    )
    from gptkit.types.responses.response_error import ResponseError as ResponseError
    from gptkit.types.responses.response_error_event import ResponseErrorEvent as ResponseErrorEvent
    from gptkit.types.responses.response_failed_event import ResponseFailedEvent as ResponseFailedEvent
    from gptkit.types.responses.response_file_search_call_completed_event import (
        ResponseFileSearchCallCompletedEvent as ResponseFileSearchCallCompletedEvent,
    )
    from gptkit.types.responses.response_file_search_call_in_progress_event import (
        ResponseFileSearchCallInProgressEvent as ResponseFileSearchCallInProgressEvent,
    )
    from gptkit.types.responses.response_file_search_call_searching_event import (
        ResponseFileSearchCallSearchingEvent as ResponseFileSearchCallSearchingEvent,
    )
    from gptkit.types.responses.response_file_search_tool_call import (
        ResponseFileSearchToolCall as ResponseFileSearchToolCall,
    )
    from gptkit.types.responses.response_function_call_arguments_delta_event import (
        ResponseFunctionCallArgumentsDeltaEvent as ResponseFunctionCallArgumentsDeltaEvent,
    )
    from gptkit.types.responses.response_function_call_arguments_done_event import (
        ResponseFunctionCallArgumentsDoneEvent as ResponseFunctionCallArgumentsDoneEvent,
    )
    from gptkit.types.responses.response_function_tool_call import (
        ResponseFunctionToolCall as ResponseFunctionToolCall,
    )
    from gptkit.types.responses.response_function_tool_call_item import (
        ResponseFunctionToolCallItem as ResponseFunctionToolCallItem,
    )
    from gptkit.types.responses.response_function_tool_call_output_item import (
        ResponseFunctionToolCallOutputItem as ResponseFunctionToolCallOutputItem,
    )
    from gptkit.types.responses.response_function_tool_call_param import (
        ResponseFunctionToolCallParam as ResponseFunctionToolCallParam,
    )
    from gptkit.types.responses.response_function_web_search import (
        ResponseFunctionWebSearch as ResponseFunctionWebSearch,
    )
    from gptkit.types.responses.response_function_web_search import (
        UnknownAction as UnknownAction,
    )
    from gptkit.types.responses.response_image_gen_call_completed_event import (
        ResponseImageGenCallCompletedEvent as ResponseImageGenCallCompletedEvent,
    )
    from gptkit.types.responses.response_image_gen_call_generating_event import (
        ResponseImageGenCallGeneratingEvent as ResponseImageGenCallGeneratingEvent,
    )
    from gptkit.types.responses.response_image_gen_call_in_progress_event import (
        ResponseImageGenCallInProgressEvent as ResponseImageGenCallInProgressEvent,
    )
    from gptkit.types.responses.response_image_gen_call_partial_image_event import (
        ResponseImageGenCallPartialImageEvent as ResponseImageGenCallPartialImageEvent,
    )
    from gptkit.types.responses.response_in_progress_event import (
        ResponseInProgressEvent as ResponseInProgressEvent,
    )
    from gptkit.types.responses.response_incomplete_event import (
        ResponseIncompleteEvent as ResponseIncompleteEvent,
    )
    from gptkit.types.responses.response_input_content import (
        ResponseInputAudio as ResponseInputAudio,
    )
    from gptkit.types.responses.response_input_content import (
        ResponseInputContent as ResponseInputContent,
    )
    from gptkit.types.responses.response_input_content import (
        ResponseInputFile as ResponseInputFile,
    )
    from gptkit.types.responses.response_input_content import (
        ResponseInputImage as ResponseInputImage,
    )
    from gptkit.types.responses.response_input_content import (
        ResponseInputText as ResponseInputText,
    )
    from gptkit.types.responses.response_input_content_param import (
        ResponseInputAudioParam as ResponseInputAudioParam,
    )
    from gptkit.types.responses.response_input_content_param import (
        ResponseInputContentParam as ResponseInputContentParam,
    )
    from gptkit.types.responses.response_input_content_param import (
        ResponseInputFileParam as ResponseInputFileParam,
    )
    from gptkit.types.responses.response_input_content_param import (
        ResponseInputImageParam as ResponseInputImageParam,
    )
    from gptkit.types.responses.response_input_content_param import (
        ResponseInputMessageContentListParam as ResponseInputMessageContentListParam,
    )
    from gptkit.types.responses.response_input_content_param import (
        ResponseInputTextParam as ResponseInputTextParam,
    )
    from gptkit.types.responses.response_input_item_param import (
        ResponseCustomToolCallOutputParam as ResponseCustomToolCallOutputParam,
    )
    from gptkit.types.responses.response_input_item_param import (
        ResponseInputItemParam as ResponseInputItemParam,
    )
    from gptkit.types.responses.response_input_message_item import (
        ResponseInputMessageItem as ResponseInputMessageItem,
    )
    from gptkit.types.responses.response_input_param import ResponseInputParam as ResponseInputParam
    from gptkit.types.responses.response_item import ResponseItem as ResponseItem
    from gptkit.types.responses.response_item_list import ResponseItemList as ResponseItemList
    from gptkit.types.responses.response_mcp_call_arguments_delta_event import (
        ResponseMcpCallArgumentsDeltaEvent as ResponseMcpCallArgumentsDeltaEvent,
    )
    from gptkit.types.responses.response_mcp_call_arguments_done_event import (
        ResponseMcpCallArgumentsDoneEvent as ResponseMcpCallArgumentsDoneEvent,
    )
    from gptkit.types.responses.response_mcp_call_completed_event import (
        ResponseMcpCallCompletedEvent as ResponseMcpCallCompletedEvent,
    )
    from gptkit.types.responses.response_mcp_call_failed_event import (
        ResponseMcpCallFailedEvent as ResponseMcpCallFailedEvent,
    )
    from gptkit.types.responses.response_mcp_call_in_progress_event import (
        ResponseMcpCallInProgressEvent as ResponseMcpCallInProgressEvent,
    )
    from gptkit.types.responses.response_mcp_list_tools_completed_event import (
        ResponseMcpListToolsCompletedEvent as ResponseMcpListToolsCompletedEvent,
    )
    from gptkit.types.responses.response_mcp_list_tools_failed_event import (
        ResponseMcpListToolsFailedEvent as ResponseMcpListToolsFailedEvent,
    )
    from gptkit.types.responses.response_mcp_list_tools_in_progress_event import (
        ResponseMcpListToolsInProgressEvent as ResponseMcpListToolsInProgressEvent,
    )
    from gptkit.types.responses.response_output_item import (
        ResponseOutputItem as ResponseOutputItem,
    )
    from gptkit.types.responses.response_output_item import (
        UnknownOutputItem as UnknownOutputItem,
    )
    from gptkit.types.responses.response_output_item_added_event import (
        ResponseOutputItemAddedEvent as ResponseOutputItemAddedEvent,
    )
    from gptkit.types.responses.response_output_item_done_event import (
        ResponseOutputItemDoneEvent as ResponseOutputItemDoneEvent,
    )
    from gptkit.types.responses.response_output_message import (
        ResponseOutputMessage as ResponseOutputMessage,
    )
    from gptkit.types.responses.response_output_message import (
        UnknownContent as UnknownContent,
    )
    from gptkit.types.responses.response_output_message_param import (
        ResponseOutputMessageParam as ResponseOutputMessageParam,
    )
    from gptkit.types.responses.response_output_message_param import (
        ResponseOutputRefusalParam as ResponseOutputRefusalParam,
    )
    from gptkit.types.responses.response_output_message_param import (
        ResponseOutputTextParam as ResponseOutputTextParam,
    )
    from gptkit.types.responses.response_output_refusal import ResponseOutputRefusal as ResponseOutputRefusal
    from gptkit.types.responses.response_output_text import (
        ResponseOutputText as ResponseOutputText,
    )
    from gptkit.types.responses.response_output_text import (
        UnknownAnnotation as UnknownAnnotation,
    )
    from gptkit.types.responses.response_output_text_annotation_added_event import (
        ResponseOutputTextAnnotationAddedEvent as ResponseOutputTextAnnotationAddedEvent,
    )
    from gptkit.types.responses.response_queued_event import ResponseQueuedEvent as ResponseQueuedEvent
    from gptkit.types.responses.response_reasoning_item import ResponseReasoningItem as ResponseReasoningItem
    from gptkit.types.responses.response_reasoning_item_param import (
        ResponseReasoningItemParam as ResponseReasoningItemParam,
    )
    from gptkit.types.responses.response_reasoning_summary_part_added_event import (
        ResponseReasoningSummaryPartAddedEvent as ResponseReasoningSummaryPartAddedEvent,
    )
    from gptkit.types.responses.response_reasoning_summary_part_done_event import (
        ResponseReasoningSummaryPartDoneEvent as ResponseReasoningSummaryPartDoneEvent,
    )
    from gptkit.types.responses.response_reasoning_summary_text_delta_event import (
        ResponseReasoningSummaryTextDeltaEvent as ResponseReasoningSummaryTextDeltaEvent,
    )
    from gptkit.types.responses.response_reasoning_summary_text_done_event import (
        ResponseReasoningSummaryTextDoneEvent as ResponseReasoningSummaryTextDoneEvent,
    )
    from gptkit.types.responses.response_reasoning_text_delta_event import (
        ResponseReasoningTextDeltaEvent as ResponseReasoningTextDeltaEvent,
    )
    from gptkit.types.responses.response_reasoning_text_done_event import (
        ResponseReasoningTextDoneEvent as ResponseReasoningTextDoneEvent,
    )
    from gptkit.types.responses.response_refusal_delta_event import (
        ResponseRefusalDeltaEvent as ResponseRefusalDeltaEvent,
    )
    from gptkit.types.responses.response_refusal_done_event import (
        ResponseRefusalDoneEvent as ResponseRefusalDoneEvent,
    )
    from gptkit.types.responses.response_retrieve_params import (
        ResponseRetrieveParams as ResponseRetrieveParams,
    )
    from gptkit.types.responses.response_shell_call_command_added_event import (
        ResponseShellCallCommandAddedEvent as ResponseShellCallCommandAddedEvent,
    )
    from gptkit.types.responses.response_shell_call_command_delta_event import (
        ResponseShellCallCommandDeltaEvent as ResponseShellCallCommandDeltaEvent,
    )
    from gptkit.types.responses.response_shell_call_command_done_event import (
        ResponseShellCallCommandDoneEvent as ResponseShellCallCommandDoneEvent,
    )
    from gptkit.types.responses.response_shell_call_output_content_delta_event import (
        ResponseShellCallOutputContentDeltaEvent as ResponseShellCallOutputContentDeltaEvent,
    )
    from gptkit.types.responses.response_shell_call_output_content_done_event import (
        ResponseShellCallOutputContentDoneEvent as ResponseShellCallOutputContentDoneEvent,
    )
    from gptkit.types.responses.response_status import (
        TERMINAL_STATUSES as TERMINAL_STATUSES,
    )
    from gptkit.types.responses.response_status import (
        ResponseStatus as ResponseStatus,
    )
    from gptkit.types.responses.response_stream_event import (
        ResponseStreamEvent as ResponseStreamEvent,
    )
    from gptkit.types.responses.response_stream_event import (
        UnknownStreamEvent as UnknownStreamEvent,
    )
    from gptkit.types.responses.response_text_config import (
        ResponseFormatTextConfig as ResponseFormatTextConfig,
    )
    from gptkit.types.responses.response_text_config import (
        ResponseTextConfig as ResponseTextConfig,
    )
    from gptkit.types.responses.response_text_config_param import (
        ResponseFormatTextConfigParam as ResponseFormatTextConfigParam,
    )
    from gptkit.types.responses.response_text_config_param import (
        ResponseFormatTextJSONSchemaConfigParam as ResponseFormatTextJSONSchemaConfigParam,
    )
    from gptkit.types.responses.response_text_config_param import (
        ResponseTextConfigParam as ResponseTextConfigParam,
    )
    from gptkit.types.responses.response_text_delta_event import (
        ResponseTextDeltaEvent as ResponseTextDeltaEvent,
    )
    from gptkit.types.responses.response_text_done_event import ResponseTextDoneEvent as ResponseTextDoneEvent
    from gptkit.types.responses.response_usage import ResponseUsage as ResponseUsage
    from gptkit.types.responses.response_web_search_call_completed_event import (
        ResponseWebSearchCallCompletedEvent as ResponseWebSearchCallCompletedEvent,
    )
    from gptkit.types.responses.response_web_search_call_in_progress_event import (
        ResponseWebSearchCallInProgressEvent as ResponseWebSearchCallInProgressEvent,
    )
    from gptkit.types.responses.response_web_search_call_searching_event import (
        ResponseWebSearchCallSearchingEvent as ResponseWebSearchCallSearchingEvent,
    )
    from gptkit.types.responses.tool import (
        ComputerTool as ComputerTool,
    )
    from gptkit.types.responses.tool import (
        ComputerUsePreviewTool as ComputerUsePreviewTool,
    )
    from gptkit.types.responses.tool import (
        CustomTool as CustomTool,
    )
    from gptkit.types.responses.tool import (
        FileSearchTool as FileSearchTool,
    )
    from gptkit.types.responses.tool import (
        FunctionTool as FunctionTool,
    )
    from gptkit.types.responses.tool import (
        Tool as Tool,
    )
    from gptkit.types.responses.tool import (
        UnknownTool as UnknownTool,
    )
    from gptkit.types.responses.tool import (
        WebSearchPreviewTool as WebSearchPreviewTool,
    )
    from gptkit.types.responses.tool import (
        WebSearchTool as WebSearchTool,
    )
    from gptkit.types.responses.tool_param import (
        ComputerUsePreviewToolParam as ComputerUsePreviewToolParam,
    )
    from gptkit.types.responses.tool_param import (
        CustomToolParam as CustomToolParam,
    )
    from gptkit.types.responses.tool_param import (
        FileSearchToolParam as FileSearchToolParam,
    )
    from gptkit.types.responses.tool_param import (
        ToolParam as ToolParam,
    )
    from gptkit.types.responses.tool_param import (
        WebSearchPreviewToolParam as WebSearchPreviewToolParam,
    )
    from gptkit.types.responses.tool_param import (
        WebSearchToolParam as WebSearchToolParam,
    )

def __getattr__(name: str) -> Any:
    import importlib

    from gptkit.types.responses._index import MODULES

    module = MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'gptkit.types.responses' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"gptkit.types.responses.{module}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    from gptkit.types.responses._index import MODULES

    return sorted(set(globals()) | set(MODULES))


def _public() -> list[str]:
    from gptkit.types.responses._index import MODULES

    return sorted(MODULES)


__all__ = _public()  # the names imported above for type checkers, each loaded on first use
