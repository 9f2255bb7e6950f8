"""A content part of a conversation message: the Responses API's ``ResponseInputText``."""

from __future__ import annotations

from gptkit.types.responses.response_input_content import ResponseInputText

InputTextContent = ResponseInputText

__all__ = ["InputTextContent"]
