"""Embedding responses (``POST /embeddings``)."""

from __future__ import annotations

import base64
import sys
from array import array
from typing import Annotated

from pydantic import BeforeValidator

from gptkit.types._base import APIObject, BilledObject

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

    index: int = 0
    object: str = "embedding"
    embedding: Annotated[list[float], BeforeValidator(_decode_vector)]


class EmbeddingUsage(APIObject):
    """Tokens used by an embeddings call."""

    prompt_tokens: int = 0
    total_tokens: int = 0
    estimated: bool = False


class CreateEmbeddingResponse(BilledObject):
    """The embeddings of every input, in input order."""

    object: str = "list"
    data: list[Embedding]
    model: str = ""
    usage: EmbeddingUsage | None = None
