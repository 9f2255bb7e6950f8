"""A content part of a conversation message: the Responses API's ``ResponseInputFileParam``."""

from __future__ import annotations

from gptkit.types.responses.response_input_content_param import ResponseInputFileParam

InputFileContentParam = ResponseInputFileParam

__all__ = ["InputFileContentParam"]
