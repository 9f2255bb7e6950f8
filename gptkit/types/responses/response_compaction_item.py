"""A compaction of the conversation so far (``compaction`` item): earlier turns, encrypted."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseCompactionItem"]


class ResponseCompactionItem(APIObject):
    """Earlier turns compacted into ``encrypted_content``; send it back to continue."""

    id: str = ""
    encrypted_content: str = ""
    type: Literal["compaction"] = "compaction"
    created_by: str | None = None
