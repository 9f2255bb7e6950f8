"""How a file was cut into chunks for a vector store."""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import APIObject, type_tag

__all__ = [
    "FileChunkingStrategy", "OtherFileChunkingStrategyObject", "StaticFileChunkingStrategy",
    "StaticFileChunkingStrategyObject",
]


class StaticFileChunkingStrategy(APIObject):
    """Chunks of at most ``max_chunk_size_tokens``, overlapping by ``chunk_overlap_tokens``."""

    chunk_overlap_tokens: int | None = None
    max_chunk_size_tokens: int | None = None


class StaticFileChunkingStrategyObject(APIObject):
    """``type="static"`` and its sizes."""

    static: StaticFileChunkingStrategy | None = None
    type: str = "static"


class OtherFileChunkingStrategyObject(APIObject):
    """A strategy the API does not describe (files chunked before strategies existed)."""

    type: str = "other"


#: The strategy a file was chunked with, by ``type`` (``static`` or ``other``; a kind gptkit does
#: not know reads as ``StaticFileChunkingStrategyObject``, its fields kept).
FileChunkingStrategy: TypeAlias = Annotated[
    Annotated[StaticFileChunkingStrategyObject, Tag("static")]
    | Annotated[OtherFileChunkingStrategyObject, Tag("other")],
    Discriminator(type_tag(frozenset({"static", "other"}), "static")),
]
