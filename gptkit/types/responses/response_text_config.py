"""The text format a response was asked for (``response.text``)."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ResponseFormatTextConfig", "ResponseTextConfig"]


class ResponseFormatTextConfig(APIObject):
    """``{"type": "text"}``, ``{"type": "json_object"}`` or ``{"type": "json_schema", "name": ...,
    "schema": ..., "strict": ...}`` (the schema's fields are kept as sent)."""

    type: str = "text"
    name: str | None = None
    description: str | None = None
    strict: bool | None = None


class ResponseTextConfig(APIObject):
    """The output format and verbosity."""

    format: ResponseFormatTextConfig | None = None
    verbosity: str | None = None
