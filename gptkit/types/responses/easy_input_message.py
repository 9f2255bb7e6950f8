"""``EasyInputMessage``: a message given as input, its content a string or a list of parts."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_input_content import ResponseInputParts

__all__ = ["EasyInputMessage"]


class EasyInputMessage(APIObject):
    """A message input to the model (``role`` user, assistant, system or developer)."""

    content: str | list[ResponseInputParts]
    role: Literal["user", "assistant", "system", "developer"]
    phase: str | None = None
    type: Literal["message"] | None = None
