"""``ReasoningEffort``: how hard a reasoning model thinks (``"low"``, ``"medium"``, ``"high"``...)."""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["ReasoningEffort"]

ReasoningEffort: TypeAlias = Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"] | None
