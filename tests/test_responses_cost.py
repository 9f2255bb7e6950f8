"""Cost and token counting of Responses API calls: priced as genai-prices prices their usage."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from genai_prices import Usage, calc_price

from gptkit._core._usage import ensure_usage
from gptkit._cost import CostState
from gptkit._cost._limits import worst_case_tokens
from gptkit._cost._state import usage_counts
from gptkit._ratelimit._limiter import request_tokens
from gptkit._tokens import (
    RESPONSES_PATH,
    estimate_prompt_tokens,
    estimate_text_tokens,
    max_output_tokens,
    upper_bound_prompt_tokens,
)
from gptkit.types.chat import ChatCompletion
from gptkit.types.responses import Response
from tests.responses_helpers import message, response_body, usage


def _call(body: dict[str, Any]) -> Any:
    return SimpleNamespace(model=body.get("model"), body=body, endpoint=SimpleNamespace(path=RESPONSES_PATH, meter=None))


@pytest.mark.parametrize(("model", "counts"), [
    ("gpt-4o", {"inp": 2000, "out": 900, "cached": 1536}),
    ("gpt-4o-mini", {"inp": 120_000, "out": 5, "cached": 0}),
    ("o4-mini", {"inp": 3000, "out": 2500, "cached": 1024, "reasoning": 2048}),
    ("gpt-5", {"inp": 50_000, "out": 12_000, "cached": 40_000, "reasoning": 9_000}),
])
def test_cost_equals_genai_prices_for_the_usage(model: str, counts: dict[str, int]) -> None:
    response = Response.model_validate(response_body(model=model, usage=usage(**counts)))
    cost = CostState(base_url="https://api.openai.com/v1", budget=None, prices=None, ledger=None,
                     is_async=False).price(_call({"model": model}), response)
    expected = calc_price(
        Usage(input_tokens=counts["inp"], cache_read_tokens=counts.get("cached") or None,
              output_tokens=counts["out"], output_reasoning_tokens=counts.get("reasoning") or None),
        model_ref=model, provider_id="openai",
    )
    assert cost is not None
    assert cost.total == expected.total_price
    assert cost.total > 0 and not cost.estimated


def test_usage_counts_reads_both_apis() -> None:
    response = Response.model_validate(response_body(usage=usage(100, 40, cached=30, reasoning=10)))
    assert usage_counts(response.usage) == (100, 30, 40, 10)
    chat = ChatCompletion.model_validate({"choices": [], "usage": {
        "prompt_tokens": 7, "completion_tokens": 3, "total_tokens": 10,
        "prompt_tokens_details": {"cached_tokens": 2}, "completion_tokens_details": {"reasoning_tokens": 1}}})
    assert usage_counts(chat.usage) == (7, 2, 3, 1)
    assert usage_counts(None) == (0, 0, 0, 0)


BODY = {
    "model": "gpt-4o",
    "instructions": "Answer in French.",
    "input": [{"role": "user", "content": [{"type": "input_text", "text": "What is the capital of France?"}]},
              {"type": "function_call_output", "call_id": "call_abc123", "output": "Paris"}],
    "tools": [{"type": "function", "name": "lookup_capital", "description": "Look up a capital city.",
               "parameters": {"type": "object", "properties": {"country": {"type": "string"}}}}],
    "text": {"format": {"type": "json_schema", "name": "answer",
                        "schema": {"type": "object", "properties": {"city": {"type": "string"}}}}},
    "max_output_tokens": 300,
}


def test_the_estimate_counts_input_instructions_tools_and_format() -> None:
    full = estimate_prompt_tokens(BODY, RESPONSES_PATH)
    for key in ("instructions", "input", "tools", "text"):
        less = {k: v for k, v in BODY.items() if k != key}
        assert estimate_prompt_tokens(less, RESPONSES_PATH) < full, key
    # Each item and the instructions are messages; ids and call ids are not text the model reads.
    texts = ["Answer in French.", "What is the capital of France?", "Paris"]
    assert full > sum(estimate_text_tokens(t) for t in texts) + 3 * 4
    bound = upper_bound_prompt_tokens(BODY, RESPONSES_PATH)
    assert bound >= full and bound >= sum(len(t.encode()) for t in texts)
    short = {"input": [{"type": "function_call_output", "call_id": "c", "output": "hi", "status": "completed"}]}
    long = {"input": [{"type": "function_call_output", "call_id": "call_" + "x" * 400, "output": "hi"}]}
    assert estimate_prompt_tokens(short, RESPONSES_PATH) == estimate_prompt_tokens(long, RESPONSES_PATH)


def test_output_limits_and_request_tokens() -> None:
    assert max_output_tokens(BODY, path=RESPONSES_PATH) == 300
    assert max_output_tokens({"input": "hi"}, 1234, path=RESPONSES_PATH) == 1234
    assert max_output_tokens({"input": "hi"}) == 0  # an embeddings body is still one without output
    assert request_tokens(BODY, RESPONSES_PATH) == estimate_prompt_tokens(BODY, RESPONSES_PATH) + 300
    prompt, output = worst_case_tokens({"model": "o3", "input": "hi"}, "o3", RESPONSES_PATH)
    assert output == 100_000 and prompt >= 2
    assert worst_case_tokens(BODY, "gpt-4o", RESPONSES_PATH)[1] == 300


def test_a_server_that_sends_no_usage_gets_an_estimate() -> None:
    response = Response.model_validate(response_body([message("Bonjour, Paris!")], usage=None))
    ensure_usage(BODY, response)
    assert response.usage is not None and response.usage.estimated
    assert response.usage.input_tokens == estimate_prompt_tokens(BODY, RESPONSES_PATH)
    assert response.usage.output_tokens == estimate_text_tokens("Bonjour, Paris!")
    assert response.usage.total_tokens == response.usage.input_tokens + response.usage.output_tokens
    call = Response.model_validate(response_body(
        [{"type": "function_call", "call_id": "c", "name": "lookup_capital", "arguments": '{"country":"FR"}'}],
        usage=None))
    ensure_usage(BODY, call)
    assert call.usage is not None
    assert call.usage.output_tokens == estimate_text_tokens("lookup_capital") + estimate_text_tokens(
        '{"country":"FR"}')


@pytest.mark.parametrize("state", [{"status": "queued"}, {"status": "in_progress", "background": True},
                                   {"status": "failed"}])
def test_no_estimate_for_responses_not_billed_yet_or_failed(state: dict[str, Any]) -> None:
    response = Response.model_validate({**response_body([], usage=None), **state})
    ensure_usage(BODY, response)
    assert response.usage is None


def test_reported_usage_is_never_touched() -> None:
    response = Response.model_validate(response_body(usage=usage(1, 2)))
    ensure_usage(BODY, response)
    assert response.usage is not None and (response.usage.input_tokens, response.usage.estimated) == (1, False)
