"""A content part of a conversation message: the Responses API's ``ResponseOutputRefusal``."""

from __future__ import annotations

from gptkit.types.responses.response_output_refusal import ResponseOutputRefusal

RefusalContent = ResponseOutputRefusal

__all__ = ["RefusalContent"]
