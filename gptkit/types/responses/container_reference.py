"""``ContainerReference``: the shell tool runs commands in an existing container."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ContainerReference"]


class ContainerReference(APIObject):
    """The hosted container ``container_id``."""

    container_id: str = ""
    type: Literal["container_reference"] = "container_reference"
