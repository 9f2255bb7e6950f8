"""``ResponseFormatJSONSchema``: answer with JSON matching a schema (structured outputs)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from gptkit.types._base import APIObject

__all__ = ["JSONSchema", "ResponseFormatJSONSchema"]


class JSONSchema(APIObject):
    """The schema the answer must match; ``schema_`` is sent and received as ``schema``."""

    name: str
    description: str | None = None
    schema_: dict[str, Any] | None = Field(default=None, alias="schema")
    strict: bool | None = None


class ResponseFormatJSONSchema(APIObject):
    """The JSON-schema response format."""

    json_schema: JSONSchema
    type: str = "json_schema"
