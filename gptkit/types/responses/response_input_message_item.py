"""An input message as the API stores it (``input_items.list``)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_input_content import ResponseInputContent

__all__ = ["ResponseInputMessageItem"]


class ResponseInputMessageItem(APIObject):
    """A stored input message: ``role`` is ``user``, ``system`` or ``developer``."""

    id: str = ""
    content: list[ResponseInputContent] = []
    role: str = "user"
    type: Literal["message"] = "message"
    status: str | None = None
