"""``response.text.format`` when the output follows a JSON schema (structured outputs)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from gptkit.types._base import APIObject

__all__ = ["ResponseFormatTextJSONSchemaConfig"]


class ResponseFormatTextJSONSchemaConfig(APIObject):
    """The schema ``name``, the JSON ``schema`` itself (``schema_`` in Python) and ``strict``."""

    name: str = ""
    schema_: dict[str, Any] = Field(default_factory=dict, alias="schema")
    type: Literal["json_schema"] = "json_schema"
    description: str | None = None
    strict: bool | None = None
