"""The answer of ``moderations.create``."""

from __future__ import annotations

from gptkit.types._base import BilledObject
from gptkit.types.moderation import Moderation

__all__ = ["ModerationCreateResponse"]


class ModerationCreateResponse(BilledObject):
    """The moderation verdict on each input, in order (``cost`` is 0: moderations are free)."""

    id: str
    model: str | None = None
    results: list[Moderation] = []
