"""``ResponseFormatJSONSchema``: answer with JSON matching a schema (structured outputs)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["JSONSchema", "ResponseFormatJSONSchema"]


@with_config(OPEN_PARAMS)
class JSONSchema(TypedDict, total=False):
    """The schema's ``name``, ``description``, the JSON ``schema`` itself and ``strict``."""

    name: Required[str]
    description: str
    schema: Mapping[str, Any]
    strict: bool | None


@with_config(OPEN_PARAMS)
class ResponseFormatJSONSchema(TypedDict, total=False):
    """``{"type": "json_schema", "json_schema": {...}}``."""

    json_schema: Required[JSONSchema]
    type: Required[Literal["json_schema"]]
