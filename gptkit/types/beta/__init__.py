"""Wire types of the beta Responses API (``client.beta.responses``), mirroring ``openai.types.beta``.

Only what ``client.beta.responses`` sends and returns is here: ``BetaResponse``, its output items
(``BetaResponseOutputItem``, each with the ``agent`` of a multi-agent response that produced it),
the stream events (``BetaResponseStreamEvent``) and the input items (``BetaResponseItem``). The
other betas of the official package (agents, ChatKit, the retired Assistants and threads,
realtime) are not provided: importing one of their names raises an error that says so. Deeper
parts the beta API shares with the GA one (tools, tool choices, input content) are the
``gptkit.types.responses`` classes.

Names load on first use, like ``gptkit.types.responses``; every module is importable by its path
as well (``gptkit.types.beta.beta_response_output_item``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gptkit.types._lazy import indexed_package

if TYPE_CHECKING:
    from .beta_response import BetaResponse as BetaResponse
    from .beta_response_apply_patch_tool_call import (
        BetaResponseApplyPatchToolCall as BetaResponseApplyPatchToolCall,
    )
    from .beta_response_apply_patch_tool_call_output import (
        BetaResponseApplyPatchToolCallOutput as BetaResponseApplyPatchToolCallOutput,
    )
    from .beta_response_audio_delta_event import BetaResponseAudioDeltaEvent as BetaResponseAudioDeltaEvent
    from .beta_response_audio_done_event import BetaResponseAudioDoneEvent as BetaResponseAudioDoneEvent
    from .beta_response_audio_transcript_delta_event import (
        BetaResponseAudioTranscriptDeltaEvent as BetaResponseAudioTranscriptDeltaEvent,
    )
    from .beta_response_audio_transcript_done_event import (
        BetaResponseAudioTranscriptDoneEvent as BetaResponseAudioTranscriptDoneEvent,
    )
    from .beta_response_code_interpreter_call_code_delta_event import (
        BetaResponseCodeInterpreterCallCodeDeltaEvent as BetaResponseCodeInterpreterCallCodeDeltaEvent,
    )
    from .beta_response_code_interpreter_call_code_done_event import (
        BetaResponseCodeInterpreterCallCodeDoneEvent as BetaResponseCodeInterpreterCallCodeDoneEvent,
    )
    from .beta_response_code_interpreter_call_completed_event import (
        BetaResponseCodeInterpreterCallCompletedEvent as BetaResponseCodeInterpreterCallCompletedEvent,
    )
    from .beta_response_code_interpreter_call_in_progress_event import (
        BetaResponseCodeInterpreterCallInProgressEvent as BetaResponseCodeInterpreterCallInProgressEvent,
    )
    from .beta_response_code_interpreter_call_interpreting_event import (
        BetaResponseCodeInterpreterCallInterpretingEvent as BetaResponseCodeInterpreterCallInterpretingEvent,
    )
    from .beta_response_code_interpreter_tool_call import (
        BetaResponseCodeInterpreterToolCall as BetaResponseCodeInterpreterToolCall,
    )
    from .beta_response_compaction_compacting_event import (
        BetaResponseCompactionCompactingEvent as BetaResponseCompactionCompactingEvent,
    )
    from .beta_response_compaction_item import BetaResponseCompactionItem as BetaResponseCompactionItem
    from .beta_response_completed_event import BetaResponseCompletedEvent as BetaResponseCompletedEvent
    from .beta_response_computer_tool_call import BetaResponseComputerToolCall as BetaResponseComputerToolCall
    from .beta_response_computer_tool_call_output_item import (
        BetaResponseComputerToolCallOutputItem as BetaResponseComputerToolCallOutputItem,
    )
    from .beta_response_configuration_update_item import (
        BetaResponseConfigurationUpdateItem as BetaResponseConfigurationUpdateItem,
    )
    from .beta_response_content_part_added_event import (
        BetaResponseContentPartAddedEvent as BetaResponseContentPartAddedEvent,
    )
    from .beta_response_content_part_done_event import (
        BetaResponseContentPartDoneEvent as BetaResponseContentPartDoneEvent,
    )
    from .beta_response_created_event import BetaResponseCreatedEvent as BetaResponseCreatedEvent
    from .beta_response_custom_tool_call import BetaResponseCustomToolCall as BetaResponseCustomToolCall
    from .beta_response_custom_tool_call_input_delta_event import (
        BetaResponseCustomToolCallInputDeltaEvent as BetaResponseCustomToolCallInputDeltaEvent,
    )
    from .beta_response_custom_tool_call_input_done_event import (
        BetaResponseCustomToolCallInputDoneEvent as BetaResponseCustomToolCallInputDoneEvent,
    )
    from .beta_response_custom_tool_call_item import (
        BetaResponseCustomToolCallItem as BetaResponseCustomToolCallItem,
    )
    from .beta_response_custom_tool_call_output_item import (
        BetaResponseCustomToolCallOutputItem as BetaResponseCustomToolCallOutputItem,
    )
    from .beta_response_error_event import BetaResponseErrorEvent as BetaResponseErrorEvent
    from .beta_response_failed_event import BetaResponseFailedEvent as BetaResponseFailedEvent
    from .beta_response_file_search_call_completed_event import (
        BetaResponseFileSearchCallCompletedEvent as BetaResponseFileSearchCallCompletedEvent,
    )
    from .beta_response_file_search_call_in_progress_event import (
        BetaResponseFileSearchCallInProgressEvent as BetaResponseFileSearchCallInProgressEvent,
    )
    from .beta_response_file_search_call_searching_event import (
        BetaResponseFileSearchCallSearchingEvent as BetaResponseFileSearchCallSearchingEvent,
    )
    from .beta_response_file_search_tool_call import (
        BetaResponseFileSearchToolCall as BetaResponseFileSearchToolCall,
    )
    from .beta_response_format_text_config import BetaResponseFormatTextConfig as BetaResponseFormatTextConfig
    from .beta_response_format_text_json_schema_config import (
        BetaResponseFormatTextJSONSchemaConfig as BetaResponseFormatTextJSONSchemaConfig,
    )
    from .beta_response_function_call_arguments_delta_event import (
        BetaResponseFunctionCallArgumentsDeltaEvent as BetaResponseFunctionCallArgumentsDeltaEvent,
    )
    from .beta_response_function_call_arguments_done_event import (
        BetaResponseFunctionCallArgumentsDoneEvent as BetaResponseFunctionCallArgumentsDoneEvent,
    )
    from .beta_response_function_shell_tool_call import (
        BetaResponseFunctionShellToolCall as BetaResponseFunctionShellToolCall,
    )
    from .beta_response_function_shell_tool_call_output import (
        BetaResponseFunctionShellToolCallOutput as BetaResponseFunctionShellToolCallOutput,
    )
    from .beta_response_function_tool_call import BetaResponseFunctionToolCall as BetaResponseFunctionToolCall
    from .beta_response_function_tool_call_item import (
        BetaResponseFunctionToolCallItem as BetaResponseFunctionToolCallItem,
    )
    from .beta_response_function_tool_call_output_item import (
        BetaResponseFunctionToolCallOutputItem as BetaResponseFunctionToolCallOutputItem,
    )
    from .beta_response_function_web_search import (
        BetaResponseFunctionWebSearch as BetaResponseFunctionWebSearch,
    )
    from .beta_response_image_gen_call_completed_event import (
        BetaResponseImageGenCallCompletedEvent as BetaResponseImageGenCallCompletedEvent,
    )
    from .beta_response_image_gen_call_generating_event import (
        BetaResponseImageGenCallGeneratingEvent as BetaResponseImageGenCallGeneratingEvent,
    )
    from .beta_response_image_gen_call_in_progress_event import (
        BetaResponseImageGenCallInProgressEvent as BetaResponseImageGenCallInProgressEvent,
    )
    from .beta_response_image_gen_call_partial_image_event import (
        BetaResponseImageGenCallPartialImageEvent as BetaResponseImageGenCallPartialImageEvent,
    )
    from .beta_response_in_progress_event import BetaResponseInProgressEvent as BetaResponseInProgressEvent
    from .beta_response_incomplete_event import BetaResponseIncompleteEvent as BetaResponseIncompleteEvent
    from .beta_response_input_message_item import BetaResponseInputMessageItem as BetaResponseInputMessageItem
    from .beta_response_item import BetaResponseItem as BetaResponseItem
    from .beta_response_mcp_call_arguments_delta_event import (
        BetaResponseMcpCallArgumentsDeltaEvent as BetaResponseMcpCallArgumentsDeltaEvent,
    )
    from .beta_response_mcp_call_arguments_done_event import (
        BetaResponseMcpCallArgumentsDoneEvent as BetaResponseMcpCallArgumentsDoneEvent,
    )
    from .beta_response_mcp_call_completed_event import (
        BetaResponseMcpCallCompletedEvent as BetaResponseMcpCallCompletedEvent,
    )
    from .beta_response_mcp_call_failed_event import (
        BetaResponseMcpCallFailedEvent as BetaResponseMcpCallFailedEvent,
    )
    from .beta_response_mcp_call_in_progress_event import (
        BetaResponseMcpCallInProgressEvent as BetaResponseMcpCallInProgressEvent,
    )
    from .beta_response_mcp_list_tools_completed_event import (
        BetaResponseMcpListToolsCompletedEvent as BetaResponseMcpListToolsCompletedEvent,
    )
    from .beta_response_mcp_list_tools_failed_event import (
        BetaResponseMcpListToolsFailedEvent as BetaResponseMcpListToolsFailedEvent,
    )
    from .beta_response_mcp_list_tools_in_progress_event import (
        BetaResponseMcpListToolsInProgressEvent as BetaResponseMcpListToolsInProgressEvent,
    )
    from .beta_response_output_item import BetaResponseOutputItem as BetaResponseOutputItem
    from .beta_response_output_item_added_event import (
        BetaResponseOutputItemAddedEvent as BetaResponseOutputItemAddedEvent,
    )
    from .beta_response_output_item_done_event import (
        BetaResponseOutputItemDoneEvent as BetaResponseOutputItemDoneEvent,
    )
    from .beta_response_output_message import BetaResponseOutputMessage as BetaResponseOutputMessage
    from .beta_response_output_refusal import BetaResponseOutputRefusal as BetaResponseOutputRefusal
    from .beta_response_output_text import BetaResponseOutputText as BetaResponseOutputText
    from .beta_response_output_text_annotation_added_event import (
        BetaResponseOutputTextAnnotationAddedEvent as BetaResponseOutputTextAnnotationAddedEvent,
    )
    from .beta_response_queued_event import BetaResponseQueuedEvent as BetaResponseQueuedEvent
    from .beta_response_reasoning_item import BetaResponseReasoningItem as BetaResponseReasoningItem
    from .beta_response_reasoning_summary_part_added_event import (
        BetaResponseReasoningSummaryPartAddedEvent as BetaResponseReasoningSummaryPartAddedEvent,
    )
    from .beta_response_reasoning_summary_part_done_event import (
        BetaResponseReasoningSummaryPartDoneEvent as BetaResponseReasoningSummaryPartDoneEvent,
    )
    from .beta_response_reasoning_summary_text_delta_event import (
        BetaResponseReasoningSummaryTextDeltaEvent as BetaResponseReasoningSummaryTextDeltaEvent,
    )
    from .beta_response_reasoning_summary_text_done_event import (
        BetaResponseReasoningSummaryTextDoneEvent as BetaResponseReasoningSummaryTextDoneEvent,
    )
    from .beta_response_reasoning_text_delta_event import (
        BetaResponseReasoningTextDeltaEvent as BetaResponseReasoningTextDeltaEvent,
    )
    from .beta_response_reasoning_text_done_event import (
        BetaResponseReasoningTextDoneEvent as BetaResponseReasoningTextDoneEvent,
    )
    from .beta_response_refusal_delta_event import (
        BetaResponseRefusalDeltaEvent as BetaResponseRefusalDeltaEvent,
    )
    from .beta_response_refusal_done_event import BetaResponseRefusalDoneEvent as BetaResponseRefusalDoneEvent
    from .beta_response_shell_call_command_added_event import (
        BetaResponseShellCallCommandAddedEvent as BetaResponseShellCallCommandAddedEvent,
    )
    from .beta_response_shell_call_command_delta_event import (
        BetaResponseShellCallCommandDeltaEvent as BetaResponseShellCallCommandDeltaEvent,
    )
    from .beta_response_shell_call_command_done_event import (
        BetaResponseShellCallCommandDoneEvent as BetaResponseShellCallCommandDoneEvent,
    )
    from .beta_response_shell_call_output_content_delta_event import (
        BetaResponseShellCallOutputContentDeltaEvent as BetaResponseShellCallOutputContentDeltaEvent,
    )
    from .beta_response_shell_call_output_content_done_event import (
        BetaResponseShellCallOutputContentDoneEvent as BetaResponseShellCallOutputContentDoneEvent,
    )
    from .beta_response_stream_event import BetaResponseStreamEvent as BetaResponseStreamEvent
    from .beta_response_text_config import BetaResponseTextConfig as BetaResponseTextConfig
    from .beta_response_text_delta_event import BetaResponseTextDeltaEvent as BetaResponseTextDeltaEvent
    from .beta_response_text_done_event import BetaResponseTextDoneEvent as BetaResponseTextDoneEvent
    from .beta_response_tool_search_call import BetaResponseToolSearchCall as BetaResponseToolSearchCall
    from .beta_response_tool_search_output_item import (
        BetaResponseToolSearchOutputItem as BetaResponseToolSearchOutputItem,
    )
    from .beta_response_usage import BetaResponseUsage as BetaResponseUsage
    from .beta_response_web_search_call_completed_event import (
        BetaResponseWebSearchCallCompletedEvent as BetaResponseWebSearchCallCompletedEvent,
    )
    from .beta_response_web_search_call_in_progress_event import (
        BetaResponseWebSearchCallInProgressEvent as BetaResponseWebSearchCallInProgressEvent,
    )
    from .beta_response_web_search_call_searching_event import (
        BetaResponseWebSearchCallSearchingEvent as BetaResponseWebSearchCallSearchingEvent,
    )
    from .response_create_params import ResponseCreateParams as ResponseCreateParams


def _missing(name: str) -> str:
    # ``from gptkit.types.beta import Assistant`` names what is missing and why (ImportError).
    return (f"gptkit.types.beta has no {name!r}: gptkit provides only the beta Responses API's types "
            f"(client.beta.responses); openai.types.beta.{name} is not provided (docs/migration.md)")


__getattr__: Callable[[str], Any]
__dir__: Callable[[], list[str]]
__getattr__, __dir__, _names = indexed_package(__name__, _missing)  # names loaded on first use (``_index``)
__all__ = list(_names)  # the names imported above for type checkers
