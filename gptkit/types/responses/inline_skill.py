"""``InlineSkill``: a skill sent with the request, files and all."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gptkit.types._base import APIObject
from gptkit.types.responses.inline_skill_source import InlineSkillSource

__all__ = ["InlineSkill"]


class InlineSkill(APIObject):
    """A skill given inline: its ``name``, ``description`` and bundled ``source``."""

    description: str = ""
    name: str = ""
    source: InlineSkillSource = Field(default_factory=InlineSkillSource)
    type: Literal["inline"] = "inline"
