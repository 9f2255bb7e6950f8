"""``ReasoningEffort`` for request parameters."""

from __future__ import annotations

from gptkit.types.shared.reasoning_effort import ReasoningEffort

__all__ = ["ReasoningEffort"]
