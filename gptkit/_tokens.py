"""Token estimates without a tokenizer: for rate limits, budgets and servers that omit usage.

Two kinds, used on purpose:

- ``estimate_*``: a central estimate, the way the API's own rate limiter counts a request
  (about four characters a token) — for the tokens-per-minute limiter and for usage a server
  did not report.
- ``upper_bound_*``: a bound the real count cannot exceed (a token is at least one UTF-8 byte,
  plus per-message overhead) — for budgets, which must never be overshot.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "DEFAULT_MAX_OUTPUT_TOKENS",
    "MESSAGE_OVERHEAD_TOKENS",
    "RESPONSES_PATH",
    "estimate_prompt_tokens",
    "estimate_text_tokens",
    "max_output_tokens",
    "upper_bound_prompt_tokens",
]

#: Tokens the chat format adds around each message (role markers), and once per reply.
MESSAGE_OVERHEAD_TOKENS = 4
REPLY_OVERHEAD_TOKENS = 3
#: Output limit assumed when the caller sets none (documented; the model may allow more).
DEFAULT_MAX_OUTPUT_TOKENS = 4096
#: A generous fixed charge for each image part (the API's high-detail tile cost tops out lower).
IMAGE_PART_TOKENS = 1_105
#: The Responses API's create path: its body reads ``input`` (items), ``instructions``, ``tools``,
#: ``text`` (the output format's schema) and ``max_output_tokens``.
RESPONSES_PATH = "/responses"
#: Keys of a message or item that name or tag it rather than reach the model as text.
_NOT_TEXT = frozenset({"type", "role", "detail", "id", "tool_call_id", "call_id", "status"})


def estimate_text_tokens(text: str) -> int:
    """About four characters a token, rounded up; at least one token for non-empty text."""
    return (len(text) + 3) // 4


def _walk_text(value: Any, sink: list[str], images: list[int]) -> None:
    """Collect every string that reaches the model from a message's content (parts included)."""
    if isinstance(value, str):
        sink.append(value)
    elif isinstance(value, Mapping):
        kind = value.get("type")
        if kind in ("image_url", "input_image"):
            images.append(1)
            return
        for key, item in value.items():
            if key not in _NOT_TEXT:
                _walk_text(item, sink, images)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _walk_text(item, sink, images)
    elif value is not None and not isinstance(value, bool):
        sink.append(str(value))


def _prompt_parts(body: Mapping[str, Any], path: str | None) -> tuple[list[str], int, int]:
    """Texts that reach the model, image parts, and messages (each adds its overhead)."""
    texts: list[str] = []
    images: list[int] = []
    count = 0
    if path == RESPONSES_PATH:
        # Each input item and the instructions are messages to the model; a string is one.
        items = body.get("input")
        if isinstance(items, (list, tuple)):
            count += len(items)
        elif items is not None:
            count += 1
        if body.get("instructions"):
            count += 1
        keys: tuple[str, ...] = ("instructions", "input", "tools", "text")
    else:
        messages = body.get("messages")
        if messages is not None:
            count += len(messages)
        keys = ("messages", "prompt", "input", "tools", "functions", "response_format", "suffix")
    for key in keys:
        if key in body:
            _walk_text(body[key], texts, images)
    return texts, len(images), count


def estimate_prompt_tokens(body: Mapping[str, Any], path: str | None = None) -> int:
    """A central estimate of a request's prompt tokens (messages, prompt or input, and tools).

    ``path`` is the endpoint's (``RESPONSES_PATH`` reads a Responses API body).
    """
    texts, images, messages = _prompt_parts(body, path)
    tokens = sum(estimate_text_tokens(t) for t in texts) + images * IMAGE_PART_TOKENS
    if messages:
        tokens += messages * MESSAGE_OVERHEAD_TOKENS + REPLY_OVERHEAD_TOKENS
    return tokens


def upper_bound_prompt_tokens(body: Mapping[str, Any], path: str | None = None) -> int:
    """A bound the real prompt token count cannot exceed (UTF-8 bytes plus message overhead)."""
    texts, images, messages = _prompt_parts(body, path)
    tokens = sum(len(t.encode("utf-8")) for t in texts) + images * IMAGE_PART_TOKENS
    if messages:
        tokens += messages * MESSAGE_OVERHEAD_TOKENS + REPLY_OVERHEAD_TOKENS
    return tokens


def max_output_tokens(
    body: Mapping[str, Any], default: int = DEFAULT_MAX_OUTPUT_TOKENS, path: str | None = None
) -> int:
    """The most output tokens the request may produce over all ``n`` (or ``best_of``) choices."""
    if path == RESPONSES_PATH:
        # One answer; reasoning tokens count against ``max_output_tokens`` too.
        limit = body.get("max_output_tokens")
        return int(limit) if limit else default
    limit = body.get("max_completion_tokens") or body.get("max_tokens")
    if "input" in body and "messages" not in body and "prompt" not in body:
        return 0  # embeddings produce no output tokens
    per_choice = int(limit) if limit else default
    choices = max(int(body.get("n") or 1), int(body.get("best_of") or 1))
    return per_choice * choices
