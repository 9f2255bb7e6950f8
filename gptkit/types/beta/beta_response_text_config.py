"""``BetaResponseTextConfig``: the text format a beta response was asked for (``response.text``)."""

from __future__ import annotations

from gptkit.types.beta.beta_response_format_text_config import BetaResponseFormatTextConfig
from gptkit.types.responses.response_text_config import ResponseTextConfig

__all__ = ["BetaResponseTextConfig"]


class BetaResponseTextConfig(ResponseTextConfig):
    """The output ``format`` (text, JSON schema or JSON object) and ``verbosity``."""

    format: BetaResponseFormatTextConfig | None = None  # the formats under their beta names
