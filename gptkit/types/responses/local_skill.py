"""``LocalSkill``: a skill that lives on the caller's machine."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["LocalSkill"]


class LocalSkill(APIObject):
    """A skill in the local directory ``path``."""

    description: str = ""
    name: str = ""
    path: str = ""
