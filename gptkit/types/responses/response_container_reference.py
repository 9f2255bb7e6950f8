"""A shell call that ran in a hosted container."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseContainerReference"]


class ResponseContainerReference(APIObject):
    """The container ``container_id``."""

    container_id: str = ""
    type: Literal["container_reference"] = "container_reference"
