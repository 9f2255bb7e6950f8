"""``ResponseStreamEvent``: every event of a streamed response, by ``type``.

Each event carries a ``sequence_number``. Events of a ``type`` this version of gptkit does not know
become ``UnknownStreamEvent`` (every field kept), never an error.
"""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response_audio_delta_event import ResponseAudioDeltaEvent
from gptkit.types.responses.response_audio_done_event import ResponseAudioDoneEvent
from gptkit.types.responses.response_audio_transcript_delta_event import ResponseAudioTranscriptDeltaEvent
from gptkit.types.responses.response_audio_transcript_done_event import ResponseAudioTranscriptDoneEvent
from gptkit.types.responses.response_code_interpreter_call_code_delta_event import (
    ResponseCodeInterpreterCallCodeDeltaEvent,
)
from gptkit.types.responses.response_code_interpreter_call_code_done_event import (
    ResponseCodeInterpreterCallCodeDoneEvent,
)
from gptkit.types.responses.response_code_interpreter_call_completed_event import (
    ResponseCodeInterpreterCallCompletedEvent,
)
from gptkit.types.responses.response_code_interpreter_call_in_progress_event import (
    ResponseCodeInterpreterCallInProgressEvent,
)
from gptkit.types.responses.response_code_interpreter_call_interpreting_event import (
    ResponseCodeInterpreterCallInterpretingEvent,
)
from gptkit.types.responses.response_completed_event import ResponseCompletedEvent
from gptkit.types.responses.response_content_part_added_event import ResponseContentPartAddedEvent
from gptkit.types.responses.response_content_part_done_event import ResponseContentPartDoneEvent
from gptkit.types.responses.response_created_event import ResponseCreatedEvent
from gptkit.types.responses.response_custom_tool_call_input_delta_event import (
    ResponseCustomToolCallInputDeltaEvent,
)
from gptkit.types.responses.response_custom_tool_call_input_done_event import (
    ResponseCustomToolCallInputDoneEvent,
)
from gptkit.types.responses.response_error_event import ResponseErrorEvent
from gptkit.types.responses.response_failed_event import ResponseFailedEvent
from gptkit.types.responses.response_file_search_call_completed_event import (
    ResponseFileSearchCallCompletedEvent,
)
from gptkit.types.responses.response_file_search_call_in_progress_event import (
    ResponseFileSearchCallInProgressEvent,
)
from gptkit.types.responses.response_file_search_call_searching_event import (
    ResponseFileSearchCallSearchingEvent,
)
from gptkit.types.responses.response_function_call_arguments_delta_event import (
    ResponseFunctionCallArgumentsDeltaEvent,
)
from gptkit.types.responses.response_function_call_arguments_done_event import (
    ResponseFunctionCallArgumentsDoneEvent,
)
from gptkit.types.responses.response_image_gen_call_completed_event import ResponseImageGenCallCompletedEvent
from gptkit.types.responses.response_image_gen_call_generating_event import (
    ResponseImageGenCallGeneratingEvent,
)
from gptkit.types.responses.response_image_gen_call_in_progress_event import (
    ResponseImageGenCallInProgressEvent,
)
from gptkit.types.responses.response_image_gen_call_partial_image_event import (
    ResponseImageGenCallPartialImageEvent,
)
from gptkit.types.responses.response_in_progress_event import ResponseInProgressEvent
from gptkit.types.responses.response_incomplete_event import ResponseIncompleteEvent
from gptkit.types.responses.response_mcp_call_arguments_delta_event import ResponseMcpCallArgumentsDeltaEvent
from gptkit.types.responses.response_mcp_call_arguments_done_event import ResponseMcpCallArgumentsDoneEvent
from gptkit.types.responses.response_mcp_call_completed_event import ResponseMcpCallCompletedEvent
from gptkit.types.responses.response_mcp_call_failed_event import ResponseMcpCallFailedEvent
from gptkit.types.responses.response_mcp_call_in_progress_event import ResponseMcpCallInProgressEvent
from gptkit.types.responses.response_mcp_list_tools_completed_event import ResponseMcpListToolsCompletedEvent
from gptkit.types.responses.response_mcp_list_tools_failed_event import ResponseMcpListToolsFailedEvent
from gptkit.types.responses.response_mcp_list_tools_in_progress_event import (
    ResponseMcpListToolsInProgressEvent,
)
from gptkit.types.responses.response_output_item_added_event import ResponseOutputItemAddedEvent
from gptkit.types.responses.response_output_item_done_event import ResponseOutputItemDoneEvent
from gptkit.types.responses.response_output_text_annotation_added_event import (
    ResponseOutputTextAnnotationAddedEvent,
)
from gptkit.types.responses.response_queued_event import ResponseQueuedEvent
from gptkit.types.responses.response_reasoning_summary_part_added_event import (
    ResponseReasoningSummaryPartAddedEvent,
)
from gptkit.types.responses.response_reasoning_summary_part_done_event import (
    ResponseReasoningSummaryPartDoneEvent,
)
from gptkit.types.responses.response_reasoning_summary_text_delta_event import (
    ResponseReasoningSummaryTextDeltaEvent,
)
from gptkit.types.responses.response_reasoning_summary_text_done_event import (
    ResponseReasoningSummaryTextDoneEvent,
)
from gptkit.types.responses.response_reasoning_text_delta_event import ResponseReasoningTextDeltaEvent
from gptkit.types.responses.response_reasoning_text_done_event import ResponseReasoningTextDoneEvent
from gptkit.types.responses.response_refusal_delta_event import ResponseRefusalDeltaEvent
from gptkit.types.responses.response_refusal_done_event import ResponseRefusalDoneEvent
from gptkit.types.responses.response_shell_call_command_added_event import ResponseShellCallCommandAddedEvent
from gptkit.types.responses.response_shell_call_command_delta_event import ResponseShellCallCommandDeltaEvent
from gptkit.types.responses.response_shell_call_command_done_event import ResponseShellCallCommandDoneEvent
from gptkit.types.responses.response_shell_call_output_content_delta_event import (
    ResponseShellCallOutputContentDeltaEvent,
)
from gptkit.types.responses.response_shell_call_output_content_done_event import (
    ResponseShellCallOutputContentDoneEvent,
)
from gptkit.types.responses.response_text_delta_event import ResponseTextDeltaEvent
from gptkit.types.responses.response_text_done_event import ResponseTextDoneEvent
from gptkit.types.responses.response_web_search_call_completed_event import (
    ResponseWebSearchCallCompletedEvent,
)
from gptkit.types.responses.response_web_search_call_in_progress_event import (
    ResponseWebSearchCallInProgressEvent,
)
from gptkit.types.responses.response_web_search_call_searching_event import (
    ResponseWebSearchCallSearchingEvent,
)

__all__ = ["ResponseStreamEvent", "UnknownStreamEvent"]


class UnknownStreamEvent(APIObject):
    """A stream event of a ``type`` this version of gptkit does not know: every field is kept."""

    type: str
    sequence_number: int = 0


_EVENTS = (
    Annotated[ResponseAudioDeltaEvent, Tag("response.audio.delta")]
    | Annotated[ResponseAudioDoneEvent, Tag("response.audio.done")]
    | Annotated[ResponseAudioTranscriptDeltaEvent, Tag("response.audio.transcript.delta")]
    | Annotated[ResponseAudioTranscriptDoneEvent, Tag("response.audio.transcript.done")]
    | Annotated[ResponseCodeInterpreterCallCodeDeltaEvent, Tag("response.code_interpreter_call_code.delta")]
    | Annotated[ResponseCodeInterpreterCallCodeDoneEvent, Tag("response.code_interpreter_call_code.done")]
    | Annotated[ResponseCodeInterpreterCallCompletedEvent, Tag("response.code_interpreter_call.completed")]
    | Annotated[ResponseCodeInterpreterCallInProgressEvent, Tag("response.code_interpreter_call.in_progress")]
    | Annotated[
        ResponseCodeInterpreterCallInterpretingEvent, Tag("response.code_interpreter_call.interpreting")
    ]
    | Annotated[ResponseCompletedEvent, Tag("response.completed")]
    | Annotated[ResponseContentPartAddedEvent, Tag("response.content_part.added")]
    | Annotated[ResponseContentPartDoneEvent, Tag("response.content_part.done")]
    | Annotated[ResponseCreatedEvent, Tag("response.created")]
    | Annotated[ResponseErrorEvent, Tag("error")]
    | Annotated[ResponseFileSearchCallCompletedEvent, Tag("response.file_search_call.completed")]
    | Annotated[ResponseFileSearchCallInProgressEvent, Tag("response.file_search_call.in_progress")]
    | Annotated[ResponseFileSearchCallSearchingEvent, Tag("response.file_search_call.searching")]
    | Annotated[ResponseFunctionCallArgumentsDeltaEvent, Tag("response.function_call_arguments.delta")]
    | Annotated[ResponseFunctionCallArgumentsDoneEvent, Tag("response.function_call_arguments.done")]
    | Annotated[ResponseShellCallCommandAddedEvent, Tag("response.shell_call_command.added")]
    | Annotated[ResponseShellCallCommandDeltaEvent, Tag("response.shell_call_command.delta")]
    | Annotated[ResponseShellCallCommandDoneEvent, Tag("response.shell_call_command.done")]
    | Annotated[ResponseShellCallOutputContentDeltaEvent, Tag("response.shell_call_output_content.delta")]
    | Annotated[ResponseShellCallOutputContentDoneEvent, Tag("response.shell_call_output_content.done")]
    | Annotated[ResponseInProgressEvent, Tag("response.in_progress")]
    | Annotated[ResponseFailedEvent, Tag("response.failed")]
    | Annotated[ResponseIncompleteEvent, Tag("response.incomplete")]
    | Annotated[ResponseOutputItemAddedEvent, Tag("response.output_item.added")]
    | Annotated[ResponseOutputItemDoneEvent, Tag("response.output_item.done")]
    | Annotated[ResponseReasoningSummaryPartAddedEvent, Tag("response.reasoning_summary_part.added")]
    | Annotated[ResponseReasoningSummaryPartDoneEvent, Tag("response.reasoning_summary_part.done")]
    | Annotated[ResponseReasoningSummaryTextDeltaEvent, Tag("response.reasoning_summary_text.delta")]
    | Annotated[ResponseReasoningSummaryTextDoneEvent, Tag("response.reasoning_summary_text.done")]
    | Annotated[ResponseReasoningTextDeltaEvent, Tag("response.reasoning_text.delta")]
    | Annotated[ResponseReasoningTextDoneEvent, Tag("response.reasoning_text.done")]
    | Annotated[ResponseRefusalDeltaEvent, Tag("response.refusal.delta")]
    | Annotated[ResponseRefusalDoneEvent, Tag("response.refusal.done")]
    | Annotated[ResponseTextDeltaEvent, Tag("response.output_text.delta")]
    | Annotated[ResponseTextDoneEvent, Tag("response.output_text.done")]
    | Annotated[ResponseWebSearchCallCompletedEvent, Tag("response.web_search_call.completed")]
    | Annotated[ResponseWebSearchCallInProgressEvent, Tag("response.web_search_call.in_progress")]
    | Annotated[ResponseWebSearchCallSearchingEvent, Tag("response.web_search_call.searching")]
    | Annotated[ResponseImageGenCallCompletedEvent, Tag("response.image_generation_call.completed")]
    | Annotated[ResponseImageGenCallGeneratingEvent, Tag("response.image_generation_call.generating")]
    | Annotated[ResponseImageGenCallInProgressEvent, Tag("response.image_generation_call.in_progress")]
    | Annotated[ResponseImageGenCallPartialImageEvent, Tag("response.image_generation_call.partial_image")]
    | Annotated[ResponseMcpCallArgumentsDeltaEvent, Tag("response.mcp_call_arguments.delta")]
    | Annotated[ResponseMcpCallArgumentsDoneEvent, Tag("response.mcp_call_arguments.done")]
    | Annotated[ResponseMcpCallCompletedEvent, Tag("response.mcp_call.completed")]
    | Annotated[ResponseMcpCallFailedEvent, Tag("response.mcp_call.failed")]
    | Annotated[ResponseMcpCallInProgressEvent, Tag("response.mcp_call.in_progress")]
    | Annotated[ResponseMcpListToolsCompletedEvent, Tag("response.mcp_list_tools.completed")]
    | Annotated[ResponseMcpListToolsFailedEvent, Tag("response.mcp_list_tools.failed")]
    | Annotated[ResponseMcpListToolsInProgressEvent, Tag("response.mcp_list_tools.in_progress")]
    | Annotated[ResponseOutputTextAnnotationAddedEvent, Tag("response.output_text.annotation.added")]
    | Annotated[ResponseQueuedEvent, Tag("response.queued")]
    | Annotated[ResponseCustomToolCallInputDeltaEvent, Tag("response.custom_tool_call_input.delta")]
    | Annotated[ResponseCustomToolCallInputDoneEvent, Tag("response.custom_tool_call_input.done")]
    | Annotated[UnknownStreamEvent, Tag(UNKNOWN)]
)
ResponseStreamEvent: TypeAlias = Annotated[_EVENTS, by_type(_EVENTS)]
