"""``FunctionTool``: one of the caller's functions, as a response lists its tools."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from gptkit.types._base import APIObject

__all__ = ["FunctionTool"]


class FunctionTool(APIObject):
    """One of the caller's functions: ``parameters`` is its JSON schema."""

    name: str = ""
    parameters: dict[str, Any] | None = None
    strict: bool | None = None
    type: Literal["function"] = "function"
    allowed_callers: list[str] | None = None
    async_: bool | None = Field(default=None, alias="async")
    defer_loading: bool | None = None
    description: str | None = None
    output_schema: dict[str, Any] | None = None
