"""Realistic Responses API bodies and event sequences for the tests (as the API sends them)."""

from __future__ import annotations

import json
from typing import Any

MODEL = "gpt-4o-2024-08-06"


def usage(inp: int = 36, out: int = 87, cached: int = 0, reasoning: int = 0) -> dict[str, Any]:
    return {
        "input_tokens": inp, "input_tokens_details": {"cached_tokens": cached},
        "output_tokens": out, "output_tokens_details": {"reasoning_tokens": reasoning},
        "total_tokens": inp + out,
    }


def message(text: str, *, id: str = "msg_1", status: str = "completed") -> dict[str, Any]:
    return {"type": "message", "id": id, "status": status, "role": "assistant",
            "content": [{"type": "output_text", "text": text, "annotations": []}]}


def response_body(output: list[dict[str, Any]] | None = None, *, status: str = "completed",
                  id: str = "resp_67ccd2bed1ec8190", model: str = MODEL, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": id, "object": "response", "created_at": 1741476542, "status": status,
        "error": None, "incomplete_details": None, "instructions": None, "max_output_tokens": None,
        "model": model, "output": output if output is not None else [message("In a peaceful grove...")],
        "parallel_tool_calls": True, "previous_response_id": None,
        "reasoning": {"effort": None, "summary": None}, "store": True, "temperature": 1.0,
        "text": {"format": {"type": "text"}}, "tool_choice": "auto", "tools": [], "top_p": 1.0,
        "truncation": "disabled", "usage": usage(), "user": None, "metadata": {},
    }
    body.update(extra)
    return body


def sse(events: list[dict[str, Any]]) -> bytes:
    """The event stream the API sends: ``event:`` and ``data:`` lines, no ``[DONE]``."""
    return b"".join(
        f"event: {e['type']}\ndata: {json.dumps(e)}\n\n".encode() for e in events
    )


def text_stream_events(text_parts: list[str], *, final: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """created, in_progress, one message item streamed in ``text_parts``, completed."""
    text = "".join(text_parts)
    final = final or response_body([message(text)])
    start = {**final, "status": "in_progress", "output": [], "usage": None}
    events: list[dict[str, Any]] = [
        {"type": "response.created", "response": start},
        {"type": "response.in_progress", "response": start},
        {"type": "response.output_item.added", "output_index": 0,
         "item": {"type": "message", "id": "msg_1", "status": "in_progress", "role": "assistant", "content": []}},
        {"type": "response.content_part.added", "item_id": "msg_1", "output_index": 0, "content_index": 0,
         "part": {"type": "output_text", "text": "", "annotations": []}},
    ]
    events += [{"type": "response.output_text.delta", "item_id": "msg_1", "output_index": 0, "content_index": 0,
                "delta": part, "logprobs": []} for part in text_parts]
    events += [
        {"type": "response.output_text.done", "item_id": "msg_1", "output_index": 0, "content_index": 0,
         "text": text, "logprobs": []},
        {"type": "response.content_part.done", "item_id": "msg_1", "output_index": 0, "content_index": 0,
         "part": {"type": "output_text", "text": text, "annotations": []}},
        {"type": "response.output_item.done", "output_index": 0, "item": message(text)},
        {"type": "response.completed", "response": final},
    ]
    for number, event in enumerate(events):
        event["sequence_number"] = number
    return events


def numbered(events: list[dict[str, Any]], start: int = 0) -> list[dict[str, Any]]:
    for number, event in enumerate(events, start):
        event["sequence_number"] = number
    return events


def function_call_item(*, status: str = "completed", arguments: str = '{"city":"Paris"}') -> dict[str, Any]:
    return {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "get_weather",
            "arguments": arguments, "status": status}


def function_call_events() -> list[dict[str, Any]]:
    """A function call streamed as the API does: the item, argument deltas, the item done."""
    final = response_body([function_call_item()], tools=[{"type": "function", "name": "get_weather",
                                                          "parameters": {}, "strict": True}])
    start = {**final, "status": "in_progress", "output": [], "usage": None}
    pieces = ['{"ci', 'ty":', '"Par', 'is"}']
    return numbered([
        {"type": "response.created", "response": start},
        {"type": "response.in_progress", "response": start},
        {"type": "response.output_item.added", "output_index": 0,
         "item": function_call_item(status="in_progress", arguments="")},
        *({"type": "response.function_call_arguments.delta", "item_id": "fc_1", "output_index": 0, "delta": p}
          for p in pieces),
        {"type": "response.function_call_arguments.done", "item_id": "fc_1", "output_index": 0,
         "name": "get_weather", "arguments": "".join(pieces)},
        {"type": "response.output_item.done", "output_index": 0, "item": function_call_item()},
        {"type": "response.completed", "response": final},
    ])


def reasoning_and_search_events() -> list[dict[str, Any]]:
    """A reasoning summary, a web search with its progress events, then a cited answer."""
    reasoning = {"type": "reasoning", "id": "rs_1", "summary": [{"type": "summary_text", "text": "Look it up."}]}
    search = {"type": "web_search_call", "id": "ws_1", "status": "completed",
              "action": {"type": "search", "query": "Paris weather"}}
    citation = {"type": "url_citation", "url": "https://meteo.example", "title": "Meteo",
                "start_index": 0, "end_index": 5}
    answer = {"type": "message", "id": "msg_1", "status": "completed", "role": "assistant",
              "content": [{"type": "output_text", "text": "Sunny today.", "annotations": [citation]}]}
    final = response_body([reasoning, search, answer], usage=usage(120, 60, cached=64, reasoning=32))
    start = {**final, "status": "in_progress", "output": [], "usage": None}
    return numbered([
        {"type": "response.created", "response": start},
        {"type": "response.output_item.added", "output_index": 0,
         "item": {"type": "reasoning", "id": "rs_1", "summary": []}},
        {"type": "response.reasoning_summary_part.added", "item_id": "rs_1", "output_index": 0,
         "summary_index": 0, "part": {"type": "summary_text", "text": ""}},
        {"type": "response.reasoning_summary_text.delta", "item_id": "rs_1", "output_index": 0,
         "summary_index": 0, "delta": "Look it"},
        {"type": "response.reasoning_summary_text.delta", "item_id": "rs_1", "output_index": 0,
         "summary_index": 0, "delta": " up."},
        {"type": "response.reasoning_summary_text.done", "item_id": "rs_1", "output_index": 0,
         "summary_index": 0, "text": "Look it up."},
        {"type": "response.reasoning_summary_part.done", "item_id": "rs_1", "output_index": 0,
         "summary_index": 0, "part": {"type": "summary_text", "text": "Look it up."}},
        {"type": "response.output_item.done", "output_index": 0, "item": reasoning},
        {"type": "response.output_item.added", "output_index": 1,
         "item": {"type": "web_search_call", "id": "ws_1", "status": "in_progress"}},
        {"type": "response.web_search_call.in_progress", "item_id": "ws_1", "output_index": 1},
        {"type": "response.web_search_call.searching", "item_id": "ws_1", "output_index": 1},
        {"type": "response.web_search_call.completed", "item_id": "ws_1", "output_index": 1},
        {"type": "response.output_item.done", "output_index": 1, "item": search},
        {"type": "response.output_item.added", "output_index": 2,
         "item": {"type": "message", "id": "msg_1", "status": "in_progress", "role": "assistant", "content": []}},
        {"type": "response.content_part.added", "item_id": "msg_1", "output_index": 2, "content_index": 0,
         "part": {"type": "output_text", "text": "", "annotations": []}},
        {"type": "response.output_text.delta", "item_id": "msg_1", "output_index": 2, "content_index": 0,
         "delta": "Sunny", "logprobs": []},
        {"type": "response.output_text.annotation.added", "item_id": "msg_1", "output_index": 2,
         "content_index": 0, "annotation_index": 0, "annotation": citation},
        {"type": "response.output_text.delta", "item_id": "msg_1", "output_index": 2, "content_index": 0,
         "delta": " today.", "logprobs": []},
        {"type": "response.output_text.done", "item_id": "msg_1", "output_index": 2, "content_index": 0,
         "text": "Sunny today.", "logprobs": []},
        {"type": "response.content_part.done", "item_id": "msg_1", "output_index": 2, "content_index": 0,
         "part": {"type": "output_text", "text": "Sunny today.", "annotations": [citation]}},
        {"type": "response.output_item.done", "output_index": 2, "item": answer},
        {"type": "response.completed", "response": final},
    ])
