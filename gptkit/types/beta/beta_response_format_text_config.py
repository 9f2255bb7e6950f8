"""``BetaResponseFormatTextConfig``: a beta response's ``text.format``: plain text, a JSON schema,
or any JSON object (the GA formats under the beta package's names)."""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import type_tag
from gptkit.types.beta.beta_response_format_text_json_schema_config import (
    BetaResponseFormatTextJSONSchemaConfig,
)
from gptkit.types.shared.response_format_json_object import ResponseFormatJSONObject
from gptkit.types.shared.response_format_text import ResponseFormatText

__all__ = ["BetaResponseFormatTextConfig", "JSONObject", "Text"]


class Text(ResponseFormatText):
    """Default response format. Used to generate text responses."""


class JSONObject(ResponseFormatJSONObject):
    """JSON object response format (the older way to ask for JSON; prefer a JSON schema)."""


#: A format newer than gptkit reads as ``Text`` with its ``type`` and other fields kept.
BetaResponseFormatTextConfig: TypeAlias = Annotated[
    Annotated[Text, Tag("text")]
    | Annotated[BetaResponseFormatTextJSONSchemaConfig, Tag("json_schema")]
    | Annotated[JSONObject, Tag("json_object")],
    Discriminator(type_tag(frozenset({"text", "json_schema", "json_object"}), "text")),
]
