"""A reasoning item sent back as input (reasoning models, stateless conversations)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types.responses._params_base import OPEN

__all__ = ["ResponseReasoningItemParam", "Summary"]


@with_config(OPEN)
class Summary(TypedDict):
    """A reasoning summary part."""

    type: Literal["summary_text"]
    text: str


@with_config(OPEN)
class ResponseReasoningItemParam(TypedDict, total=False):
    """A ``reasoning`` item as ``response.output`` returned it (``encrypted_content`` included
    when the response was not stored)."""

    type: Required[Literal["reasoning"]]
    id: Required[str]
    summary: Required[Sequence[Summary]]
    content: Sequence[Any] | None
    encrypted_content: str | None
    status: str
