"""``gptkit.lib.streaming``: the streaming helpers, at the official package's paths."""

from __future__ import annotations

__all__: list[str] = []
