"""``ResponseConfigurationUpdateItem``: settings that change for the rest of a conversation."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import APIObject, type_tag
from gptkit.types.responses.response_format_text_json_schema_config import ResponseFormatTextJSONSchemaConfig
from gptkit.types.shared.reasoning_effort import ReasoningEffort
from gptkit.types.shared.response_format_text import ResponseFormatText

__all__ = ["Reasoning", "ResponseConfigurationUpdateItem", "Text", "TextFormat"]


class Reasoning(APIObject):
    """The reasoning effort from this item on."""

    effort: ReasoningEffort | str | None = None


#: The output format from this item on: plain text or a JSON schema.
TextFormat: TypeAlias = Annotated[
    Annotated[ResponseFormatText, Tag("text")]
    | Annotated[ResponseFormatTextJSONSchemaConfig, Tag("json_schema")],
    Discriminator(type_tag(frozenset({"text", "json_schema"}), "text")),
]


class Text(APIObject):
    """The text output settings from this item on."""

    format: TextFormat


class ResponseConfigurationUpdateItem(APIObject):
    """New ``reasoning`` / ``text`` settings; each holds until a later update replaces it."""

    id: str = ""
    type: Literal["configuration_update"] = "configuration_update"
    reasoning: Reasoning | None = None
    text: Text | None = None
