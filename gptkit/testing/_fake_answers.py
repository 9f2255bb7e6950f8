"""The fake server's answers: deterministic bodies and stream events with realistic usage.

Pure functions of the request body (and a scripted ``Answer``); no I/O, no clock reads except
the ``created`` timestamp the caller passes in.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import struct
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gptkit._tokens import estimate_prompt_tokens, estimate_text_tokens
from gptkit.testing._fake_schema import sample_for_response_format

__all__ = [
    "DEFAULT_MODELS",
    "Answer",
    "ToolCall",
    "chat_body",
    "chat_events",
    "completion_body",
    "completion_events",
    "echo_text",
    "embedding_body",
    "encode_event",
    "error_body",
    "model_body",
    "models_body",
]

DEFAULT_MODELS = ("gpt-4o", "gpt-4o-mini", "gpt-4-turbo", "gpt-4", "gpt-3.5-turbo-instruct",
                  "text-embedding-3-small", "text-embedding-3-large")
_WORD = re.compile(r"\s*\S+|\s+")
_FINGERPRINT = "fp_gptkit_fake"


@dataclass(frozen=True)
class ToolCall:
    """A tool call the fake model makes: ``arguments`` is a dict (sent as JSON) or a JSON string."""

    name: str
    arguments: Mapping[str, Any] | str = field(default_factory=dict)
    id: str | None = None

    def arguments_json(self) -> str:
        if isinstance(self.arguments, str):
            return self.arguments
        return json.dumps(dict(self.arguments), separators=(",", ":"))


@dataclass(frozen=True)
class Answer:
    """A scripted answer: content and/or tool calls, or a whole JSON body and status.

    ``body`` replaces the generated body entirely (non-streaming only); ``status`` other than
    200 sends ``body`` (or a generic error) with that status.
    """

    content: str | None = None
    tool_calls: tuple[ToolCall, ...] = ()
    finish_reason: str | None = None
    body: Any = None
    status: int = 200


@dataclass
class _Choice:
    content: str | None
    tool_calls: tuple[ToolCall, ...]
    finish_reason: str
    completion_tokens: int


def echo_text(body: Mapping[str, Any]) -> str:
    """What the fake says when nothing is scripted: the last user message (or prompt), echoed."""
    messages = body.get("messages")
    text = ""
    if isinstance(messages, list):
        for message in reversed(messages):
            if isinstance(message, Mapping) and message.get("role") == "user":
                text = _text_of(message.get("content"))
                break
    else:
        prompt = body.get("prompt")
        text = _text_of(prompt[0] if isinstance(prompt, list) and prompt else prompt)
    return f"Echo: {text}" if text else "Hello! How can I help you today?"


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(str(p.get("text", "")) for p in content if isinstance(p, Mapping)).strip()
    return "" if content is None else str(content)


def _choices(body: Mapping[str, Any], answer: Answer | None) -> list[_Choice]:
    n = int(body.get("n") or 1)
    limit = body.get("max_completion_tokens") or body.get("max_tokens")
    base = answer.content if answer is not None else None
    tools = answer.tool_calls if answer is not None else ()
    if base is None and not tools:
        # Structured output asked for: a value matching the schema, so parse() works unscripted.
        base = sample_for_response_format(body.get("response_format")) or echo_text(body)
    result = []
    for index in range(n):
        content = base if base is None or index == 0 else f"{base} ({index + 1})"
        finish = "tool_calls" if tools else "stop"
        if content is not None and limit and estimate_text_tokens(content) > int(limit):
            content, finish = content[: int(limit) * 4], "length"
        if answer is not None and answer.finish_reason:
            finish = answer.finish_reason
        tokens = estimate_text_tokens(content or "") + sum(
            estimate_text_tokens(t.name) + estimate_text_tokens(t.arguments_json()) for t in tools
        )
        result.append(_Choice(content, tools, finish, tokens))
    return result


def _usage(prompt: int, completion: int) -> dict[str, Any]:
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                      "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0},
    }


def _tool_call_id(call: ToolCall, salt: str, index: int) -> str:
    if call.id:
        return call.id
    digest = hashlib.sha1(f"{salt}:{index}:{call.name}".encode()).hexdigest()[:24]
    return f"call_{digest}"


def _message(choice: _Choice, salt: str) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": choice.content, "refusal": None}
    if choice.tool_calls:
        message["tool_calls"] = [
            {"id": _tool_call_id(t, salt, i), "type": "function",
             "function": {"name": t.name, "arguments": t.arguments_json()}}
            for i, t in enumerate(choice.tool_calls)
        ]
    return message


def chat_body(body: Mapping[str, Any], answer: Answer | None, *, id: str, created: int) -> dict[str, Any]:
    """A ``chat.completion`` for ``body``."""
    choices = _choices(body, answer)
    prompt = estimate_prompt_tokens(body)
    return {
        "id": id,
        "object": "chat.completion",
        "created": created,
        "model": str(body.get("model", "")),
        "choices": [
            {"index": i, "message": _message(c, id), "logprobs": None, "finish_reason": c.finish_reason}
            for i, c in enumerate(choices)
        ],
        "usage": _usage(prompt, sum(c.completion_tokens for c in choices)),
        "service_tier": "default",
        "system_fingerprint": _FINGERPRINT,
    }


def _include_usage(body: Mapping[str, Any]) -> bool:
    options = body.get("stream_options")
    return isinstance(options, Mapping) and bool(options.get("include_usage"))


def chat_events(
    body: Mapping[str, Any], answer: Answer | None, *, id: str, created: int
) -> list[dict[str, Any]]:
    """The ``chat.completion.chunk`` events of a streamed answer (without the ``[DONE]`` marker)."""
    choices = _choices(body, answer)
    usage = _include_usage(body)
    head = {"id": id, "object": "chat.completion.chunk", "created": created,
            "model": str(body.get("model", "")), "service_tier": "default",
            "system_fingerprint": _FINGERPRINT}

    def chunk(index: int, delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        event = {**head, "choices": [{"index": index, "delta": delta, "logprobs": None,
                                      "finish_reason": finish}]}
        if usage:
            event["usage"] = None
        return event

    events = []
    for i, choice in enumerate(choices):
        events.append(chunk(i, {"role": "assistant", "content": "" if choice.content is not None else None,
                                "refusal": None}))
        events.extend(chunk(i, {"content": piece}) for piece in _pieces(choice.content))
        for t_index, call in enumerate(choice.tool_calls):
            events.append(chunk(i, {"tool_calls": [{
                "index": t_index, "id": _tool_call_id(call, id, t_index), "type": "function",
                "function": {"name": call.name, "arguments": ""}}]}))
            events.extend(
                chunk(i, {"tool_calls": [{"index": t_index, "function": {"arguments": piece}}]})
                for piece in _split_every(call.arguments_json(), 8)
            )
        events.append(chunk(i, {}, choice.finish_reason))
    if usage:
        prompt = estimate_prompt_tokens(body)
        events.append({**head, "choices": [],
                       "usage": _usage(prompt, sum(c.completion_tokens for c in choices))})
    return events


def _pieces(text: str | None) -> Iterator[str]:
    if text:
        yield from _WORD.findall(text)


def _split_every(text: str, size: int) -> Iterator[str]:
    for start in range(0, len(text), size):
        yield text[start : start + size]


def completion_body(
    body: Mapping[str, Any], answer: Answer | None, *, id: str, created: int
) -> dict[str, Any]:
    """A legacy ``text_completion`` for ``body``."""
    choices = _choices(body, answer)
    return {
        "id": id, "object": "text_completion", "created": created, "model": str(body.get("model", "")),
        "choices": [{"text": c.content or "", "index": i, "logprobs": None, "finish_reason": c.finish_reason}
                    for i, c in enumerate(choices)],
        "usage": _usage(estimate_prompt_tokens(body), sum(c.completion_tokens for c in choices)),
        "system_fingerprint": _FINGERPRINT,
    }


def completion_events(
    body: Mapping[str, Any], answer: Answer | None, *, id: str, created: int
) -> list[dict[str, Any]]:
    """The events of a streamed legacy completion (without ``[DONE]``)."""
    choices = _choices(body, answer)
    head = {"id": id, "object": "text_completion", "created": created, "model": str(body.get("model", ""))}
    events: list[dict[str, Any]] = []
    for i, choice in enumerate(choices):
        events.extend(
            {**head, "choices": [{"text": piece, "index": i, "logprobs": None, "finish_reason": None}]}
            for piece in _pieces(choice.content)
        )
        events.append({**head, "choices": [{"text": "", "index": i, "logprobs": None,
                                            "finish_reason": choice.finish_reason}]})
    if _include_usage(body):
        events.append({**head, "choices": [], "usage": _usage(
            estimate_prompt_tokens(body), sum(c.completion_tokens for c in choices))})
    return events


def _vector(text: str, dimensions: int) -> list[float]:
    seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
    rng = random.Random(seed)
    raw = [rng.gauss(0.0, 1.0) for _ in range(dimensions)]
    norm = sum(v * v for v in raw) ** 0.5 or 1.0
    # Round-trip through float32 so float and base64 encodings give the very same numbers.
    return list(struct.unpack(f"<{dimensions}f", struct.pack(f"<{dimensions}f", *(v / norm for v in raw))))


def _embedding_inputs(value: Any) -> list[tuple[str, int]]:
    """Each input as (text to hash, its token count)."""
    if isinstance(value, str):
        return [(value, estimate_text_tokens(value))]
    if isinstance(value, Sequence) and value and all(isinstance(v, int) for v in value):
        return [(json.dumps(list(value)), len(value))]
    if isinstance(value, Sequence):
        items: list[tuple[str, int]] = []
        for item in value:
            if isinstance(item, str):
                items.append((item, estimate_text_tokens(item)))
            else:
                items.append((json.dumps(list(item)), len(item)))
        return items
    return [(str(value), estimate_text_tokens(str(value)))]


def embedding_body(body: Mapping[str, Any]) -> dict[str, Any]:
    """Deterministic unit vectors (the same text always gets the same vector), float or base64."""
    model = str(body.get("model", ""))
    dims = int(body.get("dimensions") or (3072 if model.endswith("-large") else 1536))
    as_base64 = body.get("encoding_format") == "base64"
    data = []
    tokens = 0
    for index, (text, count) in enumerate(_embedding_inputs(body.get("input", ""))):
        tokens += count
        vector = _vector(text, dims)
        encoded: Any = (base64.b64encode(struct.pack(f"<{dims}f", *vector)).decode("ascii")
                        if as_base64 else vector)
        data.append({"object": "embedding", "index": index, "embedding": encoded})
    return {"object": "list", "data": data, "model": model,
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}


def model_body(model: str) -> dict[str, Any]:
    owner = "system" if model.startswith(("text-", "gpt-3.5")) else "openai"
    return {"id": model, "object": "model", "created": 1_715_367_049, "owned_by": owner}


def models_body(models: Sequence[str]) -> dict[str, Any]:
    return {"object": "list", "data": [model_body(m) for m in models]}


def error_body(message: str, type: str, code: str | None = None, param: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": type, "param": param, "code": code}}


def encode_event(event: Mapping[str, Any] | str) -> bytes:
    """One server-sent event line pair: ``data: <json>\\n\\n``."""
    data = event if isinstance(event, str) else json.dumps(event, separators=(",", ":"))
    return b"data: " + data.encode("utf-8") + b"\n\n"
