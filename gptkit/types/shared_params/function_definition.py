"""``FunctionDefinition``: a function the model may call, as a request parameter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["FunctionDefinition"]


@with_config(OPEN_PARAMS)
class FunctionDefinition(TypedDict, total=False):
    """A function's name, description, JSON Schema ``parameters`` and ``strict`` flag."""

    name: Required[str]
    description: str
    parameters: Mapping[str, Any]
    strict: bool | None
