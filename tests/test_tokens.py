from __future__ import annotations

from gptkit._tokens import (
    DEFAULT_MAX_OUTPUT_TOKENS,
    estimate_prompt_tokens,
    estimate_text_tokens,
    max_output_tokens,
    upper_bound_prompt_tokens,
)


def test_text_estimate() -> None:
    assert estimate_text_tokens("") == 0
    assert estimate_text_tokens("abc") == 1
    assert estimate_text_tokens("abcd") == 1
    assert estimate_text_tokens("abcde") == 2


def test_prompt_estimate_counts_every_part() -> None:
    body = {
        "messages": [
            {"role": "system", "content": "x" * 40},
            {"role": "user", "content": [{"type": "text", "text": "y" * 80},
                                         {"type": "image_url", "image_url": {"url": "data:..."}}]},
        ],
        "tools": [{"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}],
    }
    estimate = estimate_prompt_tokens(body)
    # 10 + 20 text tokens, one image, 2 messages of overhead, the reply primer, the tool name
    # ("type" markers are structure, not text).
    assert estimate == 10 + 20 + 1105 + 2 * 4 + 3 + estimate_text_tokens("lookup")
    assert upper_bound_prompt_tokens(body) >= estimate


def test_upper_bound_is_an_upper_bound_for_multibyte_text() -> None:
    body = {"messages": [{"role": "user", "content": "日本語のテキスト"}]}
    assert upper_bound_prompt_tokens(body) == len("日本語のテキスト".encode()) + 4 + 3


def test_legacy_prompt_and_embeddings_input() -> None:
    assert estimate_prompt_tokens({"prompt": "abcdefgh"}) == 2
    assert estimate_prompt_tokens({"input": ["abcd", "efgh"]}) == 2
    assert max_output_tokens({"input": "x", "model": "e"}) == 0


def test_max_output_tokens() -> None:
    assert max_output_tokens({"messages": [], "max_tokens": 100, "n": 3}) == 300
    assert max_output_tokens({"messages": [], "max_completion_tokens": 50}) == 50
    assert max_output_tokens({"messages": []}) == DEFAULT_MAX_OUTPUT_TOKENS
    assert max_output_tokens({"prompt": "x", "max_tokens": 10, "best_of": 4, "n": 2}) == 40
