"""``response.text.format``: plain text, a JSON schema, or any JSON object."""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import type_tag
from gptkit.types.responses.response_format_text_json_schema_config import ResponseFormatTextJSONSchemaConfig
from gptkit.types.shared.response_format_json_object import ResponseFormatJSONObject
from gptkit.types.shared.response_format_text import ResponseFormatText

__all__ = ["ResponseFormatTextConfig"]

#: The output format, by ``type``; a format newer than gptkit reads as ``ResponseFormatText``
#: with its ``type`` and other fields kept.
ResponseFormatTextConfig: TypeAlias = Annotated[
    Annotated[ResponseFormatText, Tag("text")]
    | Annotated[ResponseFormatTextJSONSchemaConfig, Tag("json_schema")]
    | Annotated[ResponseFormatJSONObject, Tag("json_object")],
    Discriminator(type_tag(frozenset({"text", "json_schema", "json_object"}), "text")),
]
