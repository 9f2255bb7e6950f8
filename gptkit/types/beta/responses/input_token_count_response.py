"""What ``client.beta.responses.input_tokens.count`` returns: the GA ``InputTokenCountResponse``."""

from __future__ import annotations

from gptkit.types.responses.input_token_count_response import InputTokenCountResponse

__all__ = ["InputTokenCountResponse"]
