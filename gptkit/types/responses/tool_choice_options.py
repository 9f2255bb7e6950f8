"""The plain ``tool_choice`` strings: ``none``, ``auto`` or ``required``."""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["ToolChoiceOptions"]

#: ``none`` (no tool), ``auto`` (the model decides) or ``required`` (at least one tool call).
ToolChoiceOptions: TypeAlias = Literal["none", "auto", "required"]
