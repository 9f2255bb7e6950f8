"""``SkillReference``: a skill uploaded earlier, named by id."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["SkillReference"]


class SkillReference(APIObject):
    """The skill ``skill_id`` (at ``version``, else its default version)."""

    skill_id: str = ""
    type: Literal["skill_reference"] = "skill_reference"
    version: str | None = None
