"""The text format a response was asked for (``response.text``)."""

from __future__ import annotations

from gptkit.types._base import APIObject
from gptkit.types.responses.response_format_text_config import ResponseFormatTextConfig

__all__ = ["ResponseFormatTextConfig", "ResponseTextConfig"]


class ResponseTextConfig(APIObject):
    """The output ``format`` (text, JSON schema or JSON object) and ``verbosity``."""

    format: ResponseFormatTextConfig | None = None
    verbosity: str | None = None
