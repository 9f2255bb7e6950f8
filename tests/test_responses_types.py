"""The Responses API's wire types: typed output items, unknown kinds kept, status made obvious."""

from __future__ import annotations

import typing

import pydantic
import pytest

import gptkit.types
from gptkit.types.responses import (
    Response,
    ResponseCodeInterpreterToolCall,
    ResponseComputerToolCall,
    ResponseFileSearchToolCall,
    ResponseFunctionToolCall,
    ResponseFunctionWebSearch,
    ResponseItemList,
    ResponseOutputMessage,
    ResponseOutputRefusal,
    ResponseOutputText,
    ResponseReasoningItem,
    ResponseStreamEvent,
    ResponseTextDeltaEvent,
    UnknownOutputItem,
    UnknownStreamEvent,
)
from gptkit.types.responses.response_output_item import (
    ImageGenerationCall,
    McpApprovalRequest,
    McpCall,
    McpListTools,
)
from gptkit.types.responses.response_output_text import AnnotationURLCitation, UnknownAnnotation
from gptkit.types.responses.tool import FunctionTool, UnknownTool, WebSearchTool
from tests.responses_helpers import message, response_body, text_stream_events

HOSTED = [
    {"type": "web_search_call", "id": "ws_1", "status": "completed",
     "action": {"type": "search", "query": "weather in Paris", "sources": [{"type": "url", "url": "https://x"}]}},
    {"type": "file_search_call", "id": "fs_1", "status": "completed", "queries": ["q"],
     "results": [{"file_id": "file-1", "filename": "a.pdf", "score": 0.9, "text": "t", "attributes": {}}]},
    {"type": "code_interpreter_call", "id": "ci_1", "status": "completed", "container_id": "cntr_1",
     "code": "print(1)", "outputs": [{"type": "logs", "logs": "1\n"}]},
    {"type": "image_generation_call", "id": "ig_1", "status": "completed", "result": "aGVsbG8="},
    {"type": "computer_call", "id": "cu_1", "call_id": "call_cu", "status": "completed",
     "action": {"type": "click", "button": "left", "x": 10, "y": 20}, "pending_safety_checks": []},
    {"type": "mcp_list_tools", "id": "ml_1", "server_label": "deepwiki",
     "tools": [{"name": "ask", "input_schema": {"type": "object"}}]},
    {"type": "mcp_call", "id": "mc_1", "server_label": "deepwiki", "name": "ask", "arguments": "{}",
     "output": "42", "error": None},
    {"type": "mcp_approval_request", "id": "ma_1", "server_label": "deepwiki", "name": "ask", "arguments": "{}"},
]


def test_every_output_item_kind_is_typed() -> None:
    output = [
        {"type": "reasoning", "id": "rs_1", "summary": [{"type": "summary_text", "text": "Thinking."}]},
        *HOSTED,
        {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "get_weather",
         "arguments": '{"city":"Paris"}', "status": "completed"},
        {"type": "message", "id": "msg_1", "status": "completed", "role": "assistant", "content": [
            {"type": "output_text", "text": "It is sunny.", "annotations": [
                {"type": "url_citation", "url": "https://x", "title": "X", "start_index": 0, "end_index": 5}]},
            {"type": "refusal", "refusal": "No."},
        ]},
    ]
    response = Response.model_validate(response_body(output))
    kinds = [type(item) for item in response.output]
    assert kinds == [ResponseReasoningItem, ResponseFunctionWebSearch, ResponseFileSearchToolCall,
                     ResponseCodeInterpreterToolCall, ImageGenerationCall, ResponseComputerToolCall,
                     McpListTools, McpCall, McpApprovalRequest, ResponseFunctionToolCall, ResponseOutputMessage]
    message_item = response.output[-1]
    assert isinstance(message_item, ResponseOutputMessage)
    assert isinstance(message_item.content[0], ResponseOutputText)
    assert isinstance(message_item.content[1], ResponseOutputRefusal)
    assert isinstance(message_item.content[0].annotations[0], AnnotationURLCitation)
    assert response.output_text == "It is sunny."
    web = response.output[1]
    assert isinstance(web, ResponseFunctionWebSearch) and web.action is not None
    assert web.action.type == "search"
    computer = response.output[5]
    assert isinstance(computer, ResponseComputerToolCall) and computer.action is not None
    assert (computer.action.x, computer.action.y) == (10, 20)


def test_output_text_joins_every_message_and_skips_other_items() -> None:
    response = Response.model_validate(response_body([
        message("Hello, ", id="m1"),
        {"type": "function_call", "call_id": "c", "name": "f", "arguments": "{}"},
        message("world.", id="m2"),
    ]))
    assert response.output_text == "Hello, world."
    assert Response.model_validate(response_body([])).output_text == ""


def test_unknown_kinds_are_kept_with_every_field() -> None:
    body = response_body(
        [{"type": "hologram_call", "id": "hg_1", "status": "completed", "frames": [{"depth": 3}]},
         {"type": "message", "id": "m", "status": "completed", "role": "assistant", "content": [
             {"type": "output_text", "text": "a", "annotations": [{"type": "video_citation", "at": 12}]},
             {"type": "output_smell", "smell": "roses"}]}],
        tools=[{"type": "function", "name": "f", "parameters": {}, "strict": True},
               {"type": "web_search"}, {"type": "teleport", "range_km": 5}],
    )
    response = Response.model_validate(body)
    item = response.output[0]
    assert isinstance(item, UnknownOutputItem)
    assert item.type == "hologram_call" and item.frames[0].depth == 3 and item["status"] == "completed"
    assert item.to_dict() == body["output"][0]
    message_item = response.output[1]
    assert isinstance(message_item, ResponseOutputMessage)
    part = message_item.content[0]
    assert isinstance(part, ResponseOutputText) and isinstance(part.annotations[0], UnknownAnnotation)
    assert part.annotations[0].at == 12
    assert message_item.content[1].smell == "roses"
    assert [type(t) for t in response.tools] == [FunctionTool, WebSearchTool, UnknownTool]
    assert response.tools[2].range_km == 5
    # What came in goes out unchanged (a round trip through the types loses nothing).
    assert Response.model_validate(response.to_dict()).to_dict() == response.to_dict()


def test_a_known_kind_with_a_bad_field_is_an_error_not_silently_unknown() -> None:
    with pytest.raises(pydantic.ValidationError, match=r"output\.0\.function_call\.arguments"):
        Response.model_validate(response_body([{"type": "function_call", "call_id": "c", "arguments": 5}]))


def test_failed_and_incomplete_responses_are_obvious() -> None:
    failed = Response.model_validate(response_body(
        [], status="failed", usage=None, error={"code": "server_error", "message": "The model crashed."}))
    assert failed.problem == "failed: server_error: The model crashed."
    # Printed in the official field order (status near the end), as the official package prints it.
    assert repr(failed).startswith("Response(id='resp_67ccd2bed1ec8190', access_programs=None, ")
    assert "status='failed'" in repr(failed) and "code='server_error'" in repr(failed)
    cut = Response.model_validate(response_body(
        [message("Once upon a", status="incomplete")], status="incomplete",
        incomplete_details={"reason": "max_output_tokens"}))
    assert cut.problem == "incomplete: max_output_tokens"
    assert cut.output_text == "Once upon a"
    assert "status='incomplete'" in repr(cut)
    assert Response.model_validate(response_body([], status="cancelled")).problem == "cancelled"
    assert Response.model_validate(response_body()).problem is None
    assert Response.model_validate(response_body([], status="queued", usage=None)).problem is None


def test_usage_details() -> None:
    body = response_body(usage={"input_tokens": 2000, "input_tokens_details": {"cached_tokens": 1536},
                                "output_tokens": 900, "output_tokens_details": {"reasoning_tokens": 640},
                                "total_tokens": 2900})
    usage = Response.model_validate(body).usage
    assert usage is not None
    assert (usage.input_tokens, usage.cached_tokens, usage.output_tokens, usage.reasoning_tokens) == (
        2000, 1536, 900, 640)
    assert usage.estimated is False


_EVENTS = typing.get_args(typing.get_args(ResponseStreamEvent)[0])


@pytest.mark.parametrize("member", _EVENTS[:-1], ids=lambda m: typing.get_args(m)[1].tag)
def test_every_stream_event_type_parses_into_its_class(member: typing.Any) -> None:
    cls, tag = typing.get_args(member)[0], typing.get_args(member)[1].tag
    data: dict[str, typing.Any] = {"type": tag, "sequence_number": 7}
    if "response" in cls.model_fields:
        data["response"] = response_body()
    if "item" in cls.model_fields:
        data["item"] = message("x")
    event = pydantic.TypeAdapter(ResponseStreamEvent).validate_python(data)
    assert type(event) is cls and event.sequence_number == 7


def test_a_real_event_sequence_parses_and_unknown_events_are_kept() -> None:
    adapter = pydantic.TypeAdapter(ResponseStreamEvent)
    events = [adapter.validate_python(e) for e in text_stream_events(["Hel", "lo"])]
    deltas = [e for e in events if isinstance(e, ResponseTextDeltaEvent)]
    assert [d.delta for d in deltas] == ["Hel", "lo"]
    assert [e.sequence_number for e in events] == list(range(len(events)))
    future = adapter.validate_json('{"type": "response.hologram.delta", "sequence_number": 9, "frame": {"n": 1}}')
    assert isinstance(future, UnknownStreamEvent)
    assert (future.type, future.sequence_number, future.frame.n) == ("response.hologram.delta", 9, 1)


def test_input_item_list_tells_input_and_assistant_messages_apart() -> None:
    page = ResponseItemList.model_validate({"object": "list", "has_more": False, "first_id": "m1", "last_id": "x",
        "data": [{"type": "message", "id": "m1", "role": "user", "content": [{"type": "input_text", "text": "hi"}]},
                 message("hello", id="m2"), {"type": "function_call_output", "id": "o", "call_id": "c", "output": "1"},
                 {"type": "mystery", "id": "x"}]})
    assert [type(i).__name__ for i in page] == [
        "ResponseInputMessageItem", "ResponseOutputMessage", "ResponseFunctionToolCallOutputItem",
        "UnknownOutputItem"]
    assert len(page) == 4


def test_exported_from_gptkit_types() -> None:
    assert gptkit.types.Response is Response
    assert gptkit.types.UnknownStreamEvent is UnknownStreamEvent
    assert gptkit.types.responses.ResponseOutputText is ResponseOutputText
    for name in gptkit.types.responses.__all__:
        assert getattr(gptkit.types.responses, name) is not None
