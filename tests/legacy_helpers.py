"""Shared pieces of the module-level (legacy) API tests: a clean slate and canned bodies."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

import gptkit
from gptkit._legacy import _default
from gptkit._legacy._settings import SETTING_NAMES


def completion_body(text: str = "Hello there.", *, model: str = "gpt-3.5-turbo-instruct") -> dict[str, Any]:
    return {
        "id": "cmpl-1",
        "object": "text_completion",
        "created": 1_700_000_000,
        "model": model,
        "choices": [{"index": 0, "text": text, "finish_reason": "stop", "logprobs": None}],
        "usage": {"prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12},
    }


def embedding_body() -> dict[str, Any]:
    return {
        "object": "list",
        "data": [{"object": "embedding", "index": 0, "embedding": [0.5, -0.25, 1.0]}],
        "model": "text-embedding-ada-002",
        "usage": {"prompt_tokens": 2, "total_tokens": 2},
    }


def models_body() -> dict[str, Any]:
    return {"object": "list", "data": [{"id": "gpt-4o", "object": "model", "created": 1, "owned_by": "openai"},
                                       {"id": "gpt-4o-mini", "object": "model", "created": 2, "owned_by": "openai"}]}


def run_program(source: str, **namespace: Any) -> dict[str, Any]:
    """Run an old script's text as it is (it does its own ``import gptkit as openai``)."""
    scope: dict[str, Any] = dict(namespace)
    exec(compile(textwrap.dedent(source), "<old openai script>", "exec"), scope)
    return scope


@pytest.fixture
def clean_legacy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Default settings, no default client yet, and the once-per-process warning already given."""
    for name in SETTING_NAMES:
        monkeypatch.setattr(gptkit, name, None)
    monkeypatch.setattr(_default, "_current", None)
    monkeypatch.setattr(_default, "_warned", True)
