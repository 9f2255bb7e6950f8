"""A search of the caller's vector stores (``file_search_call`` output item)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseFileSearchToolCall", "Result"]


class Result(APIObject):
    """One search result (``include=["file_search_call.results"]``)."""

    attributes: dict[str, str | float | bool] | None = None
    file_id: str | None = None
    filename: str | None = None
    score: float | None = None
    text: str | None = None


class ResponseFileSearchToolCall(APIObject):
    """A file search call; ``status`` is ``in_progress``, ``searching``, ``completed``,
    ``incomplete`` or ``failed``."""

    id: str = ""
    queries: list[str] = []
    status: str | None = None
    type: Literal["file_search_call"] = "file_search_call"
    results: list[Result] | None = None
