"""Helpers for tests of the testing kit: SSE parsing and the streaming guard."""

from __future__ import annotations

import json
from typing import Any

MSGS = [{"role": "user", "content": "What is the capital of France?"}]


def sse_data(raw: bytes) -> list[str]:
    """The ``data:`` payloads of an event stream, in order."""
    text = raw.decode("utf-8")
    return [line[len("data: "):] for line in text.split("\n") if line.startswith("data: ")]


def sse_events(raw: bytes) -> list[Any]:
    """The JSON events of a stream (without ``[DONE]``)."""
    return [json.loads(d) for d in sse_data(raw) if d != "[DONE]"]


def stream_text(events: list[Any], index: int = 0) -> str:
    return "".join(
        (c["delta"].get("content") or "") for e in events for c in e.get("choices", []) if c["index"] == index
    )
