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
