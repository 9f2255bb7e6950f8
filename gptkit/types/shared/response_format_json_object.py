"""``ResponseFormatJSONObject``: answer with any valid JSON object (the older JSON mode)."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ResponseFormatJSONObject"]


class ResponseFormatJSONObject(APIObject):
    """The JSON-object response format."""

    type: str = "json_object"
