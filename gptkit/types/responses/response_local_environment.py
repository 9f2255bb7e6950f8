"""A shell call that ran on the caller's machine."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ResponseLocalEnvironment"]


class ResponseLocalEnvironment(APIObject):
    """The caller's own machine (also any environment ``type`` gptkit does not know)."""

    type: str = "local"
