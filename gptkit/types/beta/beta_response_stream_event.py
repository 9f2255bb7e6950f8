"""``BetaResponseStreamEvent``: every event of a beta Responses stream, by ``type``.

Each is the GA event (``gptkit.types.responses``) plus ``agent``, the agent of a multi-agent response
whose event it is (None for the coordinator's own); ``response.*`` events carry a ``BetaResponse`` and
``response.output_item.*`` events a ``BetaResponseOutputItem``. An event of a ``type`` gptkit does not
know yet becomes ``UnknownStreamEvent`` (every field kept), never an error.
"""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Tag

from gptkit.types.beta.beta_response_audio_delta_event import BetaResponseAudioDeltaEvent
from gptkit.types.beta.beta_response_audio_done_event import BetaResponseAudioDoneEvent
from gptkit.types.beta.beta_response_audio_transcript_delta_event import BetaResponseAudioTranscriptDeltaEvent
from gptkit.types.beta.beta_response_audio_transcript_done_event import BetaResponseAudioTranscriptDoneEvent
from gptkit.types.beta.beta_response_code_interpreter_call_code_delta_event import (
    BetaResponseCodeInterpreterCallCodeDeltaEvent,
)
from gptkit.types.beta.beta_response_code_interpreter_call_code_done_event import (
    BetaResponseCodeInterpreterCallCodeDoneEvent,
)
from gptkit.types.beta.beta_response_code_interpreter_call_completed_event import (
    BetaResponseCodeInterpreterCallCompletedEvent,
)
from gptkit.types.beta.beta_response_code_interpreter_call_in_progress_event import (
    BetaResponseCodeInterpreterCallInProgressEvent,
)
from gptkit.types.beta.beta_response_code_interpreter_call_interpreting_event import (
    BetaResponseCodeInterpreterCallInterpretingEvent,
)
from gptkit.types.beta.beta_response_compaction_compacting_event import BetaResponseCompactionCompactingEvent
from gptkit.types.beta.beta_response_completed_event import BetaResponseCompletedEvent
from gptkit.types.beta.beta_response_content_part_added_event import BetaResponseContentPartAddedEvent
from gptkit.types.beta.beta_response_content_part_done_event import BetaResponseContentPartDoneEvent
from gptkit.types.beta.beta_response_created_event import BetaResponseCreatedEvent
from gptkit.types.beta.beta_response_custom_tool_call_input_delta_event import (
    BetaResponseCustomToolCallInputDeltaEvent,
)
from gptkit.types.beta.beta_response_custom_tool_call_input_done_event import (
    BetaResponseCustomToolCallInputDoneEvent,
)
from gptkit.types.beta.beta_response_error_event import BetaResponseErrorEvent
from gptkit.types.beta.beta_response_failed_event import BetaResponseFailedEvent
from gptkit.types.beta.beta_response_file_search_call_completed_event import (
    BetaResponseFileSearchCallCompletedEvent,
)
from gptkit.types.beta.beta_response_file_search_call_in_progress_event import (
    BetaResponseFileSearchCallInProgressEvent,
)
from gptkit.types.beta.beta_response_file_search_call_searching_event import (
    BetaResponseFileSearchCallSearchingEvent,
)
from gptkit.types.beta.beta_response_function_call_arguments_delta_event import (
    BetaResponseFunctionCallArgumentsDeltaEvent,
)
from gptkit.types.beta.beta_response_function_call_arguments_done_event import (
    BetaResponseFunctionCallArgumentsDoneEvent,
)
from gptkit.types.beta.beta_response_image_gen_call_completed_event import (
    BetaResponseImageGenCallCompletedEvent,
)
from gptkit.types.beta.beta_response_image_gen_call_generating_event import (
    BetaResponseImageGenCallGeneratingEvent,
)
from gptkit.types.beta.beta_response_image_gen_call_in_progress_event import (
    BetaResponseImageGenCallInProgressEvent,
)
from gptkit.types.beta.beta_response_image_gen_call_partial_image_event import (
    BetaResponseImageGenCallPartialImageEvent,
)
from gptkit.types.beta.beta_response_in_progress_event import BetaResponseInProgressEvent
from gptkit.types.beta.beta_response_incomplete_event import BetaResponseIncompleteEvent
from gptkit.types.beta.beta_response_mcp_call_arguments_delta_event import (
    BetaResponseMcpCallArgumentsDeltaEvent,
)
from gptkit.types.beta.beta_response_mcp_call_arguments_done_event import (
    BetaResponseMcpCallArgumentsDoneEvent,
)
from gptkit.types.beta.beta_response_mcp_call_completed_event import BetaResponseMcpCallCompletedEvent
from gptkit.types.beta.beta_response_mcp_call_failed_event import BetaResponseMcpCallFailedEvent
from gptkit.types.beta.beta_response_mcp_call_in_progress_event import BetaResponseMcpCallInProgressEvent
from gptkit.types.beta.beta_response_mcp_list_tools_completed_event import (
    BetaResponseMcpListToolsCompletedEvent,
)
from gptkit.types.beta.beta_response_mcp_list_tools_failed_event import BetaResponseMcpListToolsFailedEvent
from gptkit.types.beta.beta_response_mcp_list_tools_in_progress_event import (
    BetaResponseMcpListToolsInProgressEvent,
)
from gptkit.types.beta.beta_response_output_item_added_event import BetaResponseOutputItemAddedEvent
from gptkit.types.beta.beta_response_output_item_done_event import BetaResponseOutputItemDoneEvent
from gptkit.types.beta.beta_response_output_text_annotation_added_event import (
    BetaResponseOutputTextAnnotationAddedEvent,
)
from gptkit.types.beta.beta_response_queued_event import BetaResponseQueuedEvent
from gptkit.types.beta.beta_response_reasoning_summary_part_added_event import (
    BetaResponseReasoningSummaryPartAddedEvent,
)
from gptkit.types.beta.beta_response_reasoning_summary_part_done_event import (
    BetaResponseReasoningSummaryPartDoneEvent,
)
from gptkit.types.beta.beta_response_reasoning_summary_text_delta_event import (
    BetaResponseReasoningSummaryTextDeltaEvent,
)
from gptkit.types.beta.beta_response_reasoning_summary_text_done_event import (
    BetaResponseReasoningSummaryTextDoneEvent,
)
from gptkit.types.beta.beta_response_reasoning_text_delta_event import BetaResponseReasoningTextDeltaEvent
from gptkit.types.beta.beta_response_reasoning_text_done_event import BetaResponseReasoningTextDoneEvent
from gptkit.types.beta.beta_response_refusal_delta_event import BetaResponseRefusalDeltaEvent
from gptkit.types.beta.beta_response_refusal_done_event import BetaResponseRefusalDoneEvent
from gptkit.types.beta.beta_response_shell_call_command_added_event import (
    BetaResponseShellCallCommandAddedEvent,
)
from gptkit.types.beta.beta_response_shell_call_command_delta_event import (
    BetaResponseShellCallCommandDeltaEvent,
)
from gptkit.types.beta.beta_response_shell_call_command_done_event import (
    BetaResponseShellCallCommandDoneEvent,
)
from gptkit.types.beta.beta_response_shell_call_output_content_delta_event import (
    BetaResponseShellCallOutputContentDeltaEvent,
)
from gptkit.types.beta.beta_response_shell_call_output_content_done_event import (
    BetaResponseShellCallOutputContentDoneEvent,
)
from gptkit.types.beta.beta_response_text_delta_event import BetaResponseTextDeltaEvent
from gptkit.types.beta.beta_response_text_done_event import BetaResponseTextDoneEvent
from gptkit.types.beta.beta_response_web_search_call_completed_event import (
    BetaResponseWebSearchCallCompletedEvent,
)
from gptkit.types.beta.beta_response_web_search_call_in_progress_event import (
    BetaResponseWebSearchCallInProgressEvent,
)
from gptkit.types.beta.beta_response_web_search_call_searching_event import (
    BetaResponseWebSearchCallSearchingEvent,
)
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response_stream_event import UnknownStreamEvent

__all__ = ["BetaResponseStreamEvent", "UnknownStreamEvent"]

_EVENTS = (
    Annotated[BetaResponseAudioDeltaEvent, Tag("response.audio.delta")]
    | Annotated[BetaResponseAudioDoneEvent, Tag("response.audio.done")]
    | Annotated[BetaResponseAudioTranscriptDeltaEvent, Tag("response.audio.transcript.delta")]
    | Annotated[BetaResponseAudioTranscriptDoneEvent, Tag("response.audio.transcript.done")]
    | Annotated[
        BetaResponseCodeInterpreterCallCodeDeltaEvent, Tag("response.code_interpreter_call_code.delta")
    ]
    | Annotated[BetaResponseCodeInterpreterCallCodeDoneEvent, Tag("response.code_interpreter_call_code.done")]
    | Annotated[
        BetaResponseCodeInterpreterCallCompletedEvent, Tag("response.code_interpreter_call.completed")
    ]
    | Annotated[
        BetaResponseCodeInterpreterCallInProgressEvent, Tag("response.code_interpreter_call.in_progress")
    ]
    | Annotated[
        BetaResponseCodeInterpreterCallInterpretingEvent, Tag("response.code_interpreter_call.interpreting")
    ]
    | Annotated[BetaResponseCompletedEvent, Tag("response.completed")]
    | Annotated[BetaResponseContentPartAddedEvent, Tag("response.content_part.added")]
    | Annotated[BetaResponseContentPartDoneEvent, Tag("response.content_part.done")]
    | Annotated[BetaResponseCreatedEvent, Tag("response.created")]
    | Annotated[BetaResponseErrorEvent, Tag("error")]
    | Annotated[BetaResponseFileSearchCallCompletedEvent, Tag("response.file_search_call.completed")]
    | Annotated[BetaResponseFileSearchCallInProgressEvent, Tag("response.file_search_call.in_progress")]
    | Annotated[BetaResponseFileSearchCallSearchingEvent, Tag("response.file_search_call.searching")]
    | Annotated[BetaResponseFunctionCallArgumentsDeltaEvent, Tag("response.function_call_arguments.delta")]
    | Annotated[BetaResponseFunctionCallArgumentsDoneEvent, Tag("response.function_call_arguments.done")]
    | Annotated[BetaResponseShellCallCommandAddedEvent, Tag("response.shell_call_command.added")]
    | Annotated[BetaResponseShellCallCommandDeltaEvent, Tag("response.shell_call_command.delta")]
    | Annotated[BetaResponseShellCallCommandDoneEvent, Tag("response.shell_call_command.done")]
    | Annotated[BetaResponseShellCallOutputContentDeltaEvent, Tag("response.shell_call_output_content.delta")]
    | Annotated[BetaResponseShellCallOutputContentDoneEvent, Tag("response.shell_call_output_content.done")]
    | Annotated[BetaResponseInProgressEvent, Tag("response.in_progress")]
    | Annotated[BetaResponseFailedEvent, Tag("response.failed")]
    | Annotated[BetaResponseIncompleteEvent, Tag("response.incomplete")]
    | Annotated[BetaResponseOutputItemAddedEvent, Tag("response.output_item.added")]
    | Annotated[BetaResponseOutputItemDoneEvent, Tag("response.output_item.done")]
    | Annotated[BetaResponseReasoningSummaryPartAddedEvent, Tag("response.reasoning_summary_part.added")]
    | Annotated[BetaResponseReasoningSummaryPartDoneEvent, Tag("response.reasoning_summary_part.done")]
    | Annotated[BetaResponseReasoningSummaryTextDeltaEvent, Tag("response.reasoning_summary_text.delta")]
    | Annotated[BetaResponseReasoningSummaryTextDoneEvent, Tag("response.reasoning_summary_text.done")]
    | Annotated[BetaResponseReasoningTextDeltaEvent, Tag("response.reasoning_text.delta")]
    | Annotated[BetaResponseReasoningTextDoneEvent, Tag("response.reasoning_text.done")]
    | Annotated[BetaResponseRefusalDeltaEvent, Tag("response.refusal.delta")]
    | Annotated[BetaResponseRefusalDoneEvent, Tag("response.refusal.done")]
    | Annotated[BetaResponseTextDeltaEvent, Tag("response.output_text.delta")]
    | Annotated[BetaResponseTextDoneEvent, Tag("response.output_text.done")]
    | Annotated[BetaResponseWebSearchCallCompletedEvent, Tag("response.web_search_call.completed")]
    | Annotated[BetaResponseWebSearchCallInProgressEvent, Tag("response.web_search_call.in_progress")]
    | Annotated[BetaResponseWebSearchCallSearchingEvent, Tag("response.web_search_call.searching")]
    | Annotated[BetaResponseImageGenCallCompletedEvent, Tag("response.image_generation_call.completed")]
    | Annotated[BetaResponseImageGenCallGeneratingEvent, Tag("response.image_generation_call.generating")]
    | Annotated[BetaResponseImageGenCallInProgressEvent, Tag("response.image_generation_call.in_progress")]
    | Annotated[
        BetaResponseImageGenCallPartialImageEvent, Tag("response.image_generation_call.partial_image")
    ]
    | Annotated[BetaResponseMcpCallArgumentsDeltaEvent, Tag("response.mcp_call_arguments.delta")]
    | Annotated[BetaResponseMcpCallArgumentsDoneEvent, Tag("response.mcp_call_arguments.done")]
    | Annotated[BetaResponseMcpCallCompletedEvent, Tag("response.mcp_call.completed")]
    | Annotated[BetaResponseMcpCallFailedEvent, Tag("response.mcp_call.failed")]
    | Annotated[BetaResponseMcpCallInProgressEvent, Tag("response.mcp_call.in_progress")]
    | Annotated[BetaResponseMcpListToolsCompletedEvent, Tag("response.mcp_list_tools.completed")]
    | Annotated[BetaResponseMcpListToolsFailedEvent, Tag("response.mcp_list_tools.failed")]
    | Annotated[BetaResponseMcpListToolsInProgressEvent, Tag("response.mcp_list_tools.in_progress")]
    | Annotated[BetaResponseOutputTextAnnotationAddedEvent, Tag("response.output_text.annotation.added")]
    | Annotated[BetaResponseQueuedEvent, Tag("response.queued")]
    | Annotated[BetaResponseCustomToolCallInputDeltaEvent, Tag("response.custom_tool_call_input.delta")]
    | Annotated[BetaResponseCustomToolCallInputDoneEvent, Tag("response.custom_tool_call_input.done")]
    | Annotated[BetaResponseCompactionCompactingEvent, Tag("response.compaction.compacting")]
    | Annotated[UnknownStreamEvent, Tag(UNKNOWN)]
)
BetaResponseStreamEvent: TypeAlias = Annotated[_EVENTS, by_type(_EVENTS)]
