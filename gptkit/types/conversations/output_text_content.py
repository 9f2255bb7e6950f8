"""A content part of a conversation message: the Responses API's ``ResponseOutputText``."""

from __future__ import annotations

from gptkit.types.responses.response_output_text import ResponseOutputText

OutputTextContent = ResponseOutputText

__all__ = ["OutputTextContent"]
