"""A translation into English (``response_format="json"``, the default)."""

from __future__ import annotations

from gptkit.types._base import BilledObject

__all__ = ["Translation"]


class Translation(BilledObject):
    """The English text of the audio (no usage is reported, so ``cost`` is None)."""

    text: str = ""
