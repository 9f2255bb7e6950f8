"""The fake's Responses API answers: response objects and their event streams (sans-IO).

Pure functions of the request body, a scripted ``Answer`` and what the fake knows of earlier
responses (the context a ``previous_response_id`` carries). The model's answer is, in order: the
scripted one (``respond(content=..., tool_calls=...)``); a call of the function ``tool_choice``
forces (or of the first one with ``"required"``), with arguments sampled from its schema; a JSON
value matching a ``json_schema`` text format; else the last user message echoed back.

Usage is realistic: input tokens are the request's estimate plus the earlier context; when that
context is at least 1,024 tokens, its largest multiple of 128 is reported as cached (as the
prompt cache works); reasoning models (o-series, gpt-5) think ``REASONING_TOKENS[effort]``
tokens, billed as output, and answer with a reasoning item first.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gptkit._tokens import RESPONSES_PATH, estimate_prompt_tokens, estimate_text_tokens
from gptkit.testing._fake_answers import Answer, ToolCall
from gptkit.testing._fake_multi_agent import multi_agent, multi_agent_items
from gptkit.testing._fake_schema import sample_from_schema

__all__ = ["REASONING_TOKENS", "Generated", "generate", "input_items", "response_events", "visible"]

#: Hidden reasoning tokens a reasoning model spends, by ``reasoning.effort`` (default medium).
REASONING_TOKENS = {"none": 0, "minimal": 16, "low": 64, "medium": 256, "high": 1024, "xhigh": 2048}
_REASONING_MODEL = re.compile(r"^(o\d|gpt-5)")
_WORD = re.compile(r"\s*\S+|\s+")
#: The prompt cache works in blocks of 128 tokens, from 1,024 tokens on.
_CACHE_BLOCK, _CACHE_MIN = 128, 1024
#: Request parameters a response object echoes back, with the API's defaults.
_ECHOED: dict[str, Any] = {
    "instructions": None, "max_output_tokens": None, "max_tool_calls": None, "metadata": {},
    "parallel_tool_calls": True, "previous_response_id": None, "prompt_cache_key": None,
    "safety_identifier": None, "service_tier": "default", "store": True, "temperature": 1.0,
    "text": {"format": {"type": "text"}, "verbosity": "medium"}, "tool_choice": "auto", "tools": [],
    "top_logprobs": 0, "top_p": 1.0, "truncation": "disabled", "user": None, "background": False,
}


@dataclass
class Generated:
    """A finished response object and the token counts the fake keeps for chained requests."""

    body: dict[str, Any]
    #: Tokens a response continuing this one (``previous_response_id``) carries as context.
    context_tokens: int


def _digest(*parts: object) -> str:
    return hashlib.sha1(":".join(str(p) for p in parts).encode()).hexdigest()[:24]


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, Sequence):
        return " ".join(str(p.get("text", "")) for p in content if isinstance(p, Mapping)).strip()
    return ""


def _last_user_text(body: Mapping[str, Any]) -> str:
    given = body.get("input")
    if isinstance(given, str):
        return given
    for item in reversed(given if isinstance(given, Sequence) else ()):
        if isinstance(item, Mapping):
            if item.get("role") == "user":
                return _text_of(item.get("content"))
            if item.get("type") == "function_call_output":
                return f"the result {item.get('output')}"
    return ""


def _forced_call(body: Mapping[str, Any]) -> ToolCall | None:
    """The function call ``tool_choice`` forces, with arguments that match its schema."""
    choice = body.get("tool_choice")
    functions = [t for t in body.get("tools") or () if isinstance(t, Mapping) and t.get("type") == "function"]
    if not functions:
        return None
    if isinstance(choice, Mapping) and choice.get("type") == "function":
        chosen = next((f for f in functions if f.get("name") == choice.get("name")), None)
    elif choice == "required":
        chosen = functions[0]
    else:
        return None
    if chosen is None:
        return None
    parameters = chosen.get("parameters")
    arguments = sample_from_schema(parameters) if isinstance(parameters, Mapping) else {}
    return ToolCall(str(chosen.get("name")), arguments if isinstance(arguments, Mapping) else {})


def _format_sample(body: Mapping[str, Any]) -> str | None:
    text = body.get("text")
    fmt = text.get("format") if isinstance(text, Mapping) else None
    if not isinstance(fmt, Mapping):
        return None
    if fmt.get("type") == "json_object":
        return "{}"
    schema = fmt.get("schema")
    if fmt.get("type") == "json_schema" and isinstance(schema, Mapping):
        return json.dumps(sample_from_schema(schema), separators=(",", ":"))
    return None


def _message(text: str, salt: str, status: str) -> dict[str, Any]:
    return {"id": f"msg_{_digest(salt, 'msg')}", "type": "message", "status": status, "role": "assistant",
            "content": [{"type": "output_text", "annotations": [], "logprobs": [], "text": text}]}


def _function_call(call: ToolCall, salt: str, index: int) -> dict[str, Any]:
    return {"id": f"fc_{_digest(salt, 'fc', index)}", "type": "function_call", "status": "completed",
            "arguments": call.arguments_json(), "call_id": call.id or f"call_{_digest(salt, 'call', index)}",
            "name": call.name}


def generate(body: Mapping[str, Any], answer: Answer | None, *, id: str, created: int,
             context_tokens: int = 0) -> Generated:
    """The finished response ``body`` asks for (``context_tokens``: its previous response's)."""
    text = answer.content if answer is not None else None
    calls = answer.tool_calls if answer is not None else ()
    if text is None and not calls:
        forced = _forced_call(body)
        if forced is not None:
            calls = (forced,)
        else:
            asked = _last_user_text(body)
            text = _format_sample(body) or (f"Echo: {asked}" if asked else "Hello! How can I help you today?")
    status, reason = "completed", None
    limit = body.get("max_output_tokens")
    if text is not None and isinstance(limit, int) and estimate_text_tokens(text) > limit:
        text, status, reason = text[: limit * 4], "incomplete", "max_output_tokens"
    finish = answer.finish_reason if answer is not None else None
    if finish in ("length", "content_filter"):
        status, reason = "incomplete", "max_output_tokens" if finish == "length" else "content_filter"
    model = str(body.get("model", ""))
    asked_reasoning = body.get("reasoning")
    reasoning: Mapping[str, Any] = asked_reasoning if isinstance(asked_reasoning, Mapping) else {}
    thinking = REASONING_TOKENS.get(str(reasoning.get("effort") or "medium"), 256) if _REASONING_MODEL.match(
        model) else 0
    output: list[dict[str, Any]] = multi_agent_items(_last_user_text(body), id) if multi_agent(body) else []
    if thinking:
        summary = ([{"type": "summary_text", "text": f"Thinking about: {_last_user_text(body)[:60]}"}]
                   if reasoning.get("summary") else [])
        output.append({"id": f"rs_{_digest(id, 'rs')}", "type": "reasoning", "summary": summary})
    if text is not None:
        output.append(_message(text, id, "incomplete" if status == "incomplete" else "completed"))
    output += [_function_call(call, id, i) for i, call in enumerate(calls)]
    written = estimate_text_tokens(text or "") + sum(
        estimate_text_tokens(c.name) + estimate_text_tokens(c.arguments_json()) for c in calls)
    written += sum(estimate_text_tokens(s["text"]) for item in output for s in item.get("summary", ()))
    prompt = estimate_prompt_tokens(body, RESPONSES_PATH) + context_tokens
    cached = context_tokens // _CACHE_BLOCK * _CACHE_BLOCK if context_tokens >= _CACHE_MIN else 0
    result = {
        "id": id, "object": "response", "created_at": created, "status": status,
        "background": bool(body.get("background")), "completed_at": created,
        "error": None, "incomplete_details": {"reason": reason} if reason else None,
        **{key: body.get(key, default) for key, default in _ECHOED.items()},
        "model": model, "output": output,
        "reasoning": {"effort": reasoning.get("effort"), "summary": reasoning.get("summary")},
        "usage": {
            "input_tokens": prompt, "input_tokens_details": {"cached_tokens": cached},
            "output_tokens": written + thinking, "output_tokens_details": {"reasoning_tokens": thinking},
            "total_tokens": prompt + written + thinking,
        },
    }
    if body.get("conversation") is not None:
        conversation = body["conversation"]
        named = conversation if isinstance(conversation, str) else conversation.get("id")
        result["conversation"] = {"id": named}
    return Generated(result, prompt + written)


def visible(final: Mapping[str, Any], status: str) -> dict[str, Any]:
    """``final`` as seen while it is ``queued`` or ``in_progress`` (or once ``cancelled``)."""
    return {**final, "status": status, "output": [], "usage": None, "completed_at": None,
            "incomplete_details": None, "error": None}


def input_items(body: Mapping[str, Any], salt: str) -> list[dict[str, Any]]:
    """The request's input as stored items (ids given, string content made into parts)."""
    given = body.get("input")
    items: list[Any] = [{"role": "user", "content": given}] if isinstance(given, str) else list(given or ())
    stored = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            continue
        entry = dict(item)
        if "role" in entry:
            entry.setdefault("type", "message")
            entry.setdefault("status", "completed")
            if isinstance(entry.get("content"), str):
                kind = "output_text" if entry["role"] == "assistant" else "input_text"
                entry["content"] = [{"type": kind, "text": entry["content"]}]
        prefix = "msg" if entry.get("type") == "message" else "item"
        entry.setdefault("id", f"{prefix}_{_digest(salt, index)}")
        stored.append(entry)
    return stored


def _pieces(text: str, size: int = 0) -> Iterator[str]:
    if size:
        for start in range(0, len(text), size):
            yield text[start:start + size]
    else:
        yield from _WORD.findall(text)


def _item_events(index: int, item: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The events that stream one output item, as the API sends them (without numbers)."""
    kind, item_id = item.get("type"), item.get("id")
    at = {"output_index": index, "item_id": item_id}
    events: list[dict[str, Any]] = []
    if kind == "message":
        events.append({"type": "response.output_item.added", "output_index": index,
                       "item": {**item, "status": "in_progress", "content": []}})
        for part_index, part in enumerate(item.get("content", ())):
            where = {**at, "content_index": part_index}
            text = str(part.get("text", ""))
            events.append({"type": "response.content_part.added", **where,
                           "part": {**part, "text": "", "annotations": []}})
            events += [{"type": "response.output_text.delta", **where, "delta": piece, "logprobs": []}
                       for piece in _pieces(text)]
            events.append({"type": "response.output_text.done", **where, "text": text, "logprobs": []})
            events.append({"type": "response.content_part.done", **where, "part": part})
    elif kind == "function_call":
        events.append({"type": "response.output_item.added", "output_index": index,
                       "item": {**item, "status": "in_progress", "arguments": ""}})
        arguments = str(item.get("arguments", ""))
        events += [{"type": "response.function_call_arguments.delta", **at, "delta": piece}
                   for piece in _pieces(arguments, 8)]
        events.append({"type": "response.function_call_arguments.done", **at, "name": item.get("name"),
                       "arguments": arguments})
    elif kind == "reasoning":
        events.append({"type": "response.output_item.added", "output_index": index,
                       "item": {**item, "summary": []}})
        for summary_index, part in enumerate(item.get("summary", ())):
            where = {**at, "summary_index": summary_index}
            text = str(part.get("text", ""))
            events.append({"type": "response.reasoning_summary_part.added", **where,
                           "part": {"type": "summary_text", "text": ""}})
            events += [{"type": "response.reasoning_summary_text.delta", **where, "delta": piece}
                       for piece in _pieces(text)]
            events.append({"type": "response.reasoning_summary_text.done", **where, "text": text})
            events.append({"type": "response.reasoning_summary_part.done", **where, "part": part})
    else:
        events.append({"type": "response.output_item.added", "output_index": index, "item": item})
    events.append({"type": "response.output_item.done", "output_index": index, "item": item})
    return events


def response_events(final: Mapping[str, Any], *, background: bool = False) -> list[dict[str, Any]]:
    """Every event of ``final`` streamed, numbered from 0: created (queued first in the background),
    in_progress, each item's events, and the terminal event."""
    first = "queued" if background else "in_progress"
    events: list[dict[str, Any]] = [{"type": "response.created", "response": visible(final, first)}]
    if background:
        events.append({"type": "response.queued", "response": visible(final, "queued")})
    events.append({"type": "response.in_progress", "response": visible(final, "in_progress")})
    for index, item in enumerate(final.get("output", ())):
        agent = item.get("agent")  # an agent's item: its events name the agent too
        events += [{**event, "agent": agent} if agent else event for event in _item_events(index, item)]
    events.append({"type": f"response.{final.get('status', 'completed')}", "response": dict(final)})
    for number, event in enumerate(events):
        event["sequence_number"] = number
    return events
