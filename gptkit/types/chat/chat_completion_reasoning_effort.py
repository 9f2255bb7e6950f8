"""``ChatCompletionReasoningEffort``: the chat name of ``ReasoningEffort``."""

from __future__ import annotations

from gptkit.types.shared.reasoning_effort import ReasoningEffort

__all__ = ["ChatCompletionReasoningEffort"]

ChatCompletionReasoningEffort = ReasoningEffort
