"""A content part of a conversation message: the Responses API's ``ResponseInputImage``."""

from __future__ import annotations

from gptkit.types.responses.response_input_content import ResponseInputImage

InputImageContent = ResponseInputImage

__all__ = ["InputImageContent"]
