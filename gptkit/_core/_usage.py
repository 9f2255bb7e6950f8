"""Usage a server did not report, estimated (sans-IO).

Many OpenAI-compatible servers (vLLM, Ollama, llama.cpp, gateways) omit ``usage``, or ignore
``stream_options.include_usage`` on streams. Cost, budgets and the rate limiter still need a
count, so gptkit fills one in from ``gptkit._tokens``'s central estimates and marks it
``estimated=True``; the cost computed from it is flagged as estimated too. Reported usage is
never touched.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # loaded by the call that needs an estimate, not by `import gptkit`
    from gptkit._core._base import Call
    from gptkit._exceptions import APIStatusError
    from gptkit.types._base import APIObject
    from gptkit.types.chat import ChatCompletion
    from gptkit.types.completion import Completion

__all__ = ["asks_stream_usage", "drop_stream_options", "ensure_usage", "estimate_completion_tokens"]

#: Base URLs whose server answered 400 to ``stream_options`` (a few OpenAI-compatible servers do):
#: their streams are sent without it from then on, for the life of the process.
_REFUSED: set[str] = set()
_REFUSED_LOCK = threading.Lock()
_REFUSED_MAX = 1024  # bounded: a process talking to endless URLs must not grow without end


def asks_stream_usage(base_url: str) -> bool:
    """Whether gptkit may add ``stream_options.include_usage`` to streams sent to ``base_url``."""
    return base_url not in _REFUSED


def drop_stream_options(call: Call, error: APIStatusError, base_url: str) -> bool:
    """After ``error``, take back the ``stream_options`` gptkit added to ``call`` and say whether
    to send it again: only for a 400 that names the field, and once (the call then no longer
    carries it). ``base_url`` is remembered so its later streams go without it at once; their
    usage is estimated and flagged ``estimated=True``, as for servers that ignore the field."""
    if not call.usage_requested_by_us or call.body is None or error.status_code != 400:
        return False
    text = error.response.text if error.response is not None else str(error.body)
    if "stream_options" not in text and "include_usage" not in text:
        return False
    from gptkit._core._protocol import with_json_body

    call.body.pop("stream_options", None)
    call.usage_requested_by_us = False
    call.request = with_json_body(call.request, call.body)
    with _REFUSED_LOCK:
        if len(_REFUSED) >= _REFUSED_MAX:
            _REFUSED.clear()
        _REFUSED.add(base_url)
    return True


def _texts(values: Iterable[str | None]) -> int:
    from gptkit._tokens import estimate_text_tokens

    return sum(estimate_text_tokens(v) for v in values if v)


def estimate_completion_tokens(result: ChatCompletion | Completion) -> int:
    """A central estimate of the output tokens of every choice (text, refusals, tool calls)."""
    from gptkit.types.chat.chat_completion_message_custom_tool_call import (
        ChatCompletionMessageCustomToolCall,
    )
    from gptkit.types.completion import Completion

    if isinstance(result, Completion):
        return _texts(choice.text for choice in result.choices)
    tokens = 0
    for choice in result.choices:
        message = choice.message
        tokens += _texts((message.content, message.refusal))
        for call in message.tool_calls or ():
            if isinstance(call, ChatCompletionMessageCustomToolCall):
                tokens += _texts((call.custom.name, call.custom.input))
            else:
                tokens += _texts((call.function.name, call.function.arguments))
        if message.function_call is not None:
            tokens += _texts((message.function_call.name, message.function_call.arguments))
    return tokens


def ensure_usage(body: Mapping[str, Any] | None, result: APIObject) -> None:
    """Fill ``result.usage`` with an estimate flagged ``estimated=True`` when the server sent none.

    ``body`` is the request body that produced ``result`` (the prompt is estimated from it).
    Works the same for a plain response and for the final completion a stream accumulates.
    Objects that carry no usage (models, lists) are left alone.
    """
    if getattr(result, "usage", True) is not None:
        return  # reported by the server (or a type without usage)
    if getattr(result, "object", None) == "response":  # the Responses API's usage has its own shape
        from gptkit._responses._usage import ensure_response_usage
        from gptkit.types.responses.response import Response

        if isinstance(result, Response):
            ensure_response_usage(body, result)
        return
    from gptkit._tokens import estimate_prompt_tokens
    from gptkit.types.chat import ChatCompletion
    from gptkit.types.completion import Completion
    from gptkit.types.embedding import CreateEmbeddingResponse, EmbeddingUsage
    from gptkit.types.shared import CompletionUsage

    prompt = estimate_prompt_tokens(body) if body is not None else 0
    if isinstance(result, CreateEmbeddingResponse):
        result.usage = EmbeddingUsage(prompt_tokens=prompt, total_tokens=prompt, estimated=True)
    elif isinstance(result, (ChatCompletion, Completion)):
        completion = estimate_completion_tokens(result)
        result.usage = CompletionUsage(
            prompt_tokens=prompt,
            completion_tokens=completion,
            total_tokens=prompt + completion,
            estimated=True,
        )
