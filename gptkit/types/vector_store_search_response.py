"""One result of ``vector_stores.search``: a file's matching chunks and their score."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["Content", "VectorStoreSearchResponse"]


class Content(APIObject):
    """A chunk of the file's text."""

    text: str = ""
    type: str = "text"


class VectorStoreSearchResponse(APIObject):
    """A file that matched the query, its matching chunks and how well it matched."""

    attributes: dict[str, str | float | bool] | None = None
    content: list[Content] = []
    file_id: str | None = None
    filename: str | None = None
    score: float | None = None
