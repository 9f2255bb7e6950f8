"""``BetaResponseFormatTextJSONSchemaConfig``: a JSON schema output format (the GA one, renamed)."""

from __future__ import annotations

from gptkit.types.responses.response_format_text_json_schema_config import ResponseFormatTextJSONSchemaConfig

__all__ = ["BetaResponseFormatTextJSONSchemaConfig"]


class BetaResponseFormatTextJSONSchemaConfig(ResponseFormatTextJSONSchemaConfig):
    """``ResponseFormatTextJSONSchemaConfig`` as the beta API sends it (printed under this name)."""
