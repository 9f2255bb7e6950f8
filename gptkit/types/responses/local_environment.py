"""``LocalEnvironment``: the shell tool runs commands on the caller's machine."""

from __future__ import annotations

from gptkit.types._base import APIObject
from gptkit.types.responses.local_skill import LocalSkill

__all__ = ["LocalEnvironment"]


class LocalEnvironment(APIObject):
    """The caller's own machine, with the local ``skills`` the model may use (also any environment
    ``type`` gptkit does not know, every field kept)."""

    type: str = "local"
    skills: list[LocalSkill] | None = None
