"""A ``static`` chunking strategy of a store file (at the official path)."""

from __future__ import annotations

from gptkit.types.file_chunking_strategy import StaticFileChunkingStrategyObject

__all__ = ["StaticFileChunkingStrategyObject"]
