"""``BetaResponseOutputRefusal``: a refusal part of a beta response's message (the GA part, renamed)."""

from __future__ import annotations

from gptkit.types.responses.response_output_refusal import ResponseOutputRefusal

__all__ = ["BetaResponseOutputRefusal"]


class BetaResponseOutputRefusal(ResponseOutputRefusal):
    """``ResponseOutputRefusal`` as the beta API sends it (the same fields; printed under this name)."""
