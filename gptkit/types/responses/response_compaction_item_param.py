"""``ResponseCompactionItemParam``: a compaction item given back as input."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseCompactionItemParam"]


class ResponseCompactionItemParam(APIObject):
    """The encrypted summary of a compacted conversation, sent back as it came."""

    encrypted_content: str
    type: Literal["compaction"]
    id: str | None = None
