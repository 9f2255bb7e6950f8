"""The ``auto`` chunking strategy (at the official path)."""

from __future__ import annotations

from gptkit.types.file_chunking_strategy_param import AutoFileChunkingStrategyParam

__all__ = ["AutoFileChunkingStrategyParam"]
