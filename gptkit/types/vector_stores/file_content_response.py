"""A piece of a vector store file's parsed content (``vector_stores.files.content``)."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["FileContentResponse"]


class FileContentResponse(APIObject):
    """Text the store extracted from the file."""

    text: str | None = None
    type: str | None = None
