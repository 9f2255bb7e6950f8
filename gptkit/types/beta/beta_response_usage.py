"""``BetaResponseUsage``: a beta response's token usage (the GA usage, renamed)."""

from __future__ import annotations

from gptkit.types.responses.response_usage import ResponseUsage

__all__ = ["BetaResponseUsage"]


class BetaResponseUsage(ResponseUsage):
    """``ResponseUsage`` as the beta API sends it (the same fields; printed under this name)."""
