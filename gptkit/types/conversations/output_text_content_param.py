"""A content part of a conversation message: the Responses API's ``ResponseOutputTextParam``."""

from __future__ import annotations

from gptkit.types.responses.response_output_message_param import ResponseOutputTextParam

OutputTextContentParam = ResponseOutputTextParam

__all__ = ["OutputTextContentParam"]
