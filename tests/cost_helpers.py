"""Helpers for the cost tests: responses with detailed usage, and prices read from the database."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

import httpx

MTOK = Decimal(1_000_000)


def usage_body(
    *,
    model: str = "gpt-4o",
    prompt: int = 100,
    completion: int = 20,
    cached: int | None = None,
    reasoning: int | None = None,
    service_tier: str | None = None,
) -> dict[str, Any]:
    usage: dict[str, Any] = {"prompt_tokens": prompt, "completion_tokens": completion,
                             "total_tokens": prompt + completion}
    if cached is not None:
        usage["prompt_tokens_details"] = {"cached_tokens": cached}
    if reasoning is not None:
        usage["completion_tokens_details"] = {"reasoning_tokens": reasoning}
    body: dict[str, Any] = {
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1_700_000_000, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
        "usage": usage,
    }
    if service_tier is not None:
        body["service_tier"] = service_tier
    return body


def embedding_body(model: str = "text-embedding-3-small", prompt: int = 8) -> dict[str, Any]:
    return {"object": "list", "model": model,
            "data": [{"object": "embedding", "index": 0, "embedding": [0.1, 0.2]}],
            "usage": {"prompt_tokens": prompt, "total_tokens": prompt}}


def ok(body: dict[str, Any]) -> httpx.Response:
    return httpx.Response(200, json=body)


def db_prices(model: str, context: dict[str, str] | None = None) -> Any:
    """The genai-prices entry in force now for an OpenAI model (read independently of gptkit)."""
    from genai_prices import data_snapshot

    _, info = data_snapshot.get_snapshot().find_provider_model(model, None, "openai", None)
    return info.get_prices(datetime.now(tz=timezone.utc), context)


def request_json(request: httpx.Request) -> Any:
    return json.loads(request.content)
