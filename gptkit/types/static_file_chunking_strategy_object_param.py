"""A ``static`` chunking strategy (at the official path)."""

from __future__ import annotations

from gptkit.types.file_chunking_strategy_param import StaticFileChunkingStrategyObjectParam

__all__ = ["StaticFileChunkingStrategyObjectParam"]
