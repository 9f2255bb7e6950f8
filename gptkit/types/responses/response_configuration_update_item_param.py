"""``ResponseConfigurationUpdateItemParam``: a change of reasoning or text settings, as input."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_format_text_json_schema_config import ResponseFormatTextJSONSchemaConfig
from gptkit.types.shared.response_format_text import ResponseFormatText

__all__ = ["Reasoning", "ResponseConfigurationUpdateItemParam", "Text"]


class Reasoning(APIObject):
    """The reasoning effort from this item on."""

    effort: str | None = None


class Text(APIObject):
    """The text format from this item on."""

    format: ResponseFormatText | ResponseFormatTextJSONSchemaConfig


class ResponseConfigurationUpdateItemParam(APIObject):
    """Settings that change mid-conversation (``configuration_update``)."""

    type: Literal["configuration_update"]
    id: str | None = None
    reasoning: Reasoning | None = None
    text: Text | None = None
