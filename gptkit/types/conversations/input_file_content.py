"""A content part of a conversation message: the Responses API's ``ResponseInputFile``."""

from __future__ import annotations

from gptkit.types.responses.response_input_content import ResponseInputFile

InputFileContent = ResponseInputFile

__all__ = ["InputFileContent"]
