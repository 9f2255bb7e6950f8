"""``NamespaceTool``: a named group of function and custom tools."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Discriminator, Field, Tag

from gptkit.types._base import APIObject, type_tag
from gptkit.types.responses.custom_tool import CustomTool

__all__ = ["NamespaceTool", "Tool", "ToolFunction"]


class ToolFunction(APIObject):
    """A function tool of the namespace."""

    name: str = ""
    type: Literal["function"] = "function"
    allowed_callers: list[str] | None = None
    async_: bool | None = Field(default=None, alias="async")
    defer_loading: bool | None = None
    description: str | None = None
    output_schema: dict[str, Any] | None = None
    parameters: Any = None
    strict: bool | None = None


#: A tool of the namespace: a function or a custom (free-form) tool.
Tool: TypeAlias = Annotated[
    Annotated[ToolFunction, Tag("function")] | Annotated[CustomTool, Tag("custom")],
    Discriminator(type_tag(frozenset({"function", "custom"}), "function")),
]


class NamespaceTool(APIObject):
    """The tools ``tools`` under the name ``name`` (the model sees them as ``name.tool``)."""

    description: str = ""
    name: str = ""
    tools: list[Tool] = []
    type: Literal["namespace"] = "namespace"
