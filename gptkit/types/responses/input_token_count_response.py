"""What ``responses.input_tokens.count`` returns."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import ResponseObject

__all__ = ["InputTokenCountResponse"]


class InputTokenCountResponse(ResponseObject):
    """How many input tokens a request would use (nothing is generated or billed)."""

    input_tokens: int = 0
    object: Literal["response.input_tokens"] = "response.input_tokens"
