"""A content part of a conversation message: the Responses API's ``ResponseInputImageParam``."""

from __future__ import annotations

from gptkit.types.responses.response_input_content_param import ResponseInputImageParam

InputImageContentParam = ResponseInputImageParam

__all__ = ["InputImageContentParam"]
