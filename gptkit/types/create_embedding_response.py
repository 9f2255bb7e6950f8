"""``CreateEmbeddingResponse``: the answer to ``embeddings.create`` (``POST /embeddings``)."""

from __future__ import annotations

from pydantic import Field

from gptkit.types._base import APIObject, BilledObject
from gptkit.types.embedding import Embedding

__all__ = ["CreateEmbeddingResponse", "Usage"]


class Usage(APIObject):
    """Tokens used by an embeddings call (``estimated``: gptkit's, neither printed nor dumped)."""

    prompt_tokens: int = 0
    total_tokens: int = 0
    estimated: bool = Field(default=False, repr=False, exclude=True)


class CreateEmbeddingResponse(BilledObject):
    """The embeddings of every input, in input order."""

    data: list[Embedding]
    model: str = ""
    object: str = "list"
    usage: Usage | None = None
