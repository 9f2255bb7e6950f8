"""``InlineSkillSource``: the bundled files of an inline skill."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["InlineSkillSource"]


class InlineSkillSource(APIObject):
    """A zip archive of the skill's files, base64-encoded in ``data``."""

    data: str = ""
    media_type: str = "application/zip"
    type: Literal["base64"] = "base64"
