"""The ``refusal`` part of an assistant message."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseOutputRefusal"]


class ResponseOutputRefusal(APIObject):
    """The model's explanation of why it refused to answer."""

    refusal: str = ""
    type: Literal["refusal"] = "refusal"
