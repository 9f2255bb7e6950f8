"""How to cut files into chunks when adding them to a vector store."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Discriminator, Field, Tag
from typing_extensions import Required, TypedDict

__all__ = [
    "AutoFileChunkingStrategyParam", "FileChunkingStrategyParam", "StaticFileChunkingStrategyObjectParam",
    "StaticFileChunkingStrategyParam",
]


class AutoFileChunkingStrategyParam(TypedDict, total=False):
    """Let the server choose (800-token chunks overlapping by 400)."""

    type: Required[Literal["auto"]]


class StaticFileChunkingStrategyParam(TypedDict, total=False):
    """Chunk sizes: at most 4096 tokens, overlapping by at most half a chunk."""

    chunk_overlap_tokens: Required[Annotated[int, Field(ge=0)]]
    max_chunk_size_tokens: Required[Annotated[int, Field(ge=100, le=4096)]]


class StaticFileChunkingStrategyObjectParam(TypedDict, total=False):
    """``{"type": "static", "static": {...}}``."""

    type: Required[Literal["static"]]
    static: Required[StaticFileChunkingStrategyParam]


def _kind(value: Any) -> str | None:
    kind = value.get("type") if isinstance(value, dict) else None
    return {"auto": "Auto", "static": "Static"}.get(kind) if isinstance(kind, str) else None


#: ``{"type": "auto"}`` or ``{"type": "static", "static": {...}}`` (validated by ``type``, so an
#: error names the field at fault).
FileChunkingStrategyParam: TypeAlias = Annotated[
    Annotated[AutoFileChunkingStrategyParam, Tag("Auto")]
    | Annotated[StaticFileChunkingStrategyObjectParam, Tag("Static")],
    Discriminator(_kind),
]
