"""``FunctionDefinition``: a function a model may call, as the API echoes it back."""

from __future__ import annotations

from typing import Any

from gptkit.types._base import APIObject

__all__ = ["FunctionDefinition"]


class FunctionDefinition(APIObject):
    """A function tool's name, description, JSON Schema parameters and strict flag."""

    name: str
    description: str | None = None
    parameters: dict[str, Any] | None = None
    strict: bool | None = None
