"""``Reasoning``: reasoning settings of a request (effort, summaries)."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.shared.reasoning_effort import ReasoningEffort

__all__ = ["Reasoning"]


@with_config(OPEN_PARAMS)
class Reasoning(TypedDict, total=False):
    """How hard to think (``effort``) and how to summarise the reasoning."""

    context: Literal["auto", "current_turn", "all_turns"] | None
    effort: ReasoningEffort
    generate_summary: Literal["auto", "concise", "detailed"] | None
    mode: str
    summary: Literal["auto", "concise", "detailed"] | None
