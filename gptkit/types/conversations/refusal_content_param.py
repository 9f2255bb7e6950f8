"""A content part of a conversation message: the Responses API's ``ResponseOutputRefusalParam``."""

from __future__ import annotations

from gptkit.types.responses.response_output_message_param import ResponseOutputRefusalParam

RefusalContentParam = ResponseOutputRefusalParam

__all__ = ["RefusalContentParam"]
