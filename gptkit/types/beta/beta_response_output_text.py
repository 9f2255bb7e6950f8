"""``BetaResponseOutputText``: a text part of a beta response's message (the GA part, renamed)."""

from __future__ import annotations

from gptkit.types.responses.response_output_text import ResponseOutputText

__all__ = ["BetaResponseOutputText"]


class BetaResponseOutputText(ResponseOutputText):
    """``ResponseOutputText`` as the beta API sends it (the same fields; printed under this name)."""
