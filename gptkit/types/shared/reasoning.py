"""``Reasoning``: the reasoning settings of a response (effort, summaries)."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["Reasoning"]


class Reasoning(APIObject):
    """How a reasoning model thought: effort, summary style and mode, as the API reports them."""

    context: str | None = None
    effort: str | None = None
    generate_summary: str | None = None
    mode: str | None = None
    summary: str | None = None
