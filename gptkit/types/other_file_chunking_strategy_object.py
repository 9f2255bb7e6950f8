"""A chunking strategy the API does not describe (at the official path)."""

from __future__ import annotations

from gptkit.types.file_chunking_strategy import OtherFileChunkingStrategyObject

__all__ = ["OtherFileChunkingStrategyObject"]
