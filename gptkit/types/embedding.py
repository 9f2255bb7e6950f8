"""``Embedding``: one input's embedding vector.

``CreateEmbeddingResponse`` and ``EmbeddingUsage`` (the official
``create_embedding_response.Usage``) are importable from here too, where gptkit kept them before.
"""

from __future__ import annotations

import base64
import sys
from array import array
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BeforeValidator

from gptkit.types._base import APIObject

if TYPE_CHECKING:
    from gptkit.types.create_embedding_response import (
        CreateEmbeddingResponse as CreateEmbeddingResponse,
    )
    from gptkit.types.create_embedding_response import Usage as EmbeddingUsage

__all__ = ["CreateEmbeddingResponse", "Embedding", "EmbeddingUsage"]


def _decode_vector(value: object) -> object:
    """Turn a base64 vector (little-endian float32, as the API sends it) into floats."""
    if isinstance(value, str):
        floats = array("f")
        floats.frombytes(base64.b64decode(value))
        if sys.byteorder != "little":
            floats.byteswap()
        return floats.tolist()
    return value


class Embedding(APIObject):
    """One input's embedding vector, always as floats (base64 answers are decoded)."""

    embedding: Annotated[list[float], BeforeValidator(_decode_vector)]
    index: int = 0
    object: str = "embedding"


def __getattr__(name: str) -> Any:
    # Old import paths of the response types; resolved on use, as the response module imports
    # this one.
    if name in ("CreateEmbeddingResponse", "EmbeddingUsage"):
        from gptkit.types import create_embedding_response as module

        return module.CreateEmbeddingResponse if name == "CreateEmbeddingResponse" else module.Usage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
