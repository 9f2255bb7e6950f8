"""The sizes a file was chunked with (at the official path)."""

from __future__ import annotations

from gptkit.types.file_chunking_strategy import StaticFileChunkingStrategy

__all__ = ["StaticFileChunkingStrategy"]
