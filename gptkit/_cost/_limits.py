"""The worst case of a call, for budgets: its prompt's upper bound plus its most output tokens.

When a call sets no output limit (``max_completion_tokens`` / ``max_tokens``), the budget assumes
the model's own output ceiling from the table below (documented in docs/costs.md), and
``DEFAULT_MAX_OUTPUT_TOKENS`` for models it does not list. Reasoning models may write up to
100,000 tokens, so a call to one without a limit reserves a lot: set a limit to reserve less.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gptkit._tokens import DEFAULT_MAX_OUTPUT_TOKENS, max_output_tokens, upper_bound_prompt_tokens

__all__ = ["MODEL_MAX_OUTPUT_TOKENS", "default_output_limit", "worst_case_tokens"]

#: Output ceilings by model-name prefix (longest prefix wins), from OpenAI's model pages.
MODEL_MAX_OUTPUT_TOKENS: Mapping[str, int] = {
    "gpt-3.5-turbo": 4_096,
    "gpt-4": 8_192,
    "gpt-4-32k": 32_768,
    "gpt-4-turbo": 4_096,
    "gpt-4-1106": 4_096,
    "gpt-4-0125": 4_096,
    "gpt-4o": 16_384,
    "gpt-4o-mini": 16_384,
    "chatgpt-4o": 16_384,
    "gpt-4.1": 32_768,
    "gpt-4.5": 16_384,
    "gpt-5": 128_000,
    "o1": 100_000,
    "o1-mini": 65_536,
    "o1-preview": 32_768,
    "o3": 100_000,
    "o3-mini": 100_000,
    "o4-mini": 100_000,
    "davinci-002": 16_384,
    "babbage-002": 16_384,
    "gpt-3.5-turbo-instruct": 4_096,
}


def default_output_limit(model: str | None) -> int:
    """The output tokens a call to ``model`` may produce when it sets no limit."""
    if model:
        name = model.lower()
        if name.startswith("ft:"):  # ft:gpt-4o-mini-2024-07-18:org::id
            name = name[3:]
        best = ""
        for prefix in MODEL_MAX_OUTPUT_TOKENS:
            if name.startswith(prefix) and len(prefix) > len(best):
                best = prefix
        if best:
            return MODEL_MAX_OUTPUT_TOKENS[best]
    return DEFAULT_MAX_OUTPUT_TOKENS


def worst_case_tokens(body: Mapping[str, Any], model: str | None, path: str | None = None) -> tuple[int, int]:
    """(prompt tokens it cannot exceed, output tokens it cannot exceed) for a request body to
    the endpoint at ``path``."""
    return upper_bound_prompt_tokens(body, path), max_output_tokens(body, default_output_limit(model), path)
