"""A content part of a conversation message: the Responses API's ``ResponseInputTextParam``."""

from __future__ import annotations

from gptkit.types.responses.response_input_content_param import ResponseInputTextParam

InputTextContentParam = ResponseInputTextParam

__all__ = ["InputTextContentParam"]
