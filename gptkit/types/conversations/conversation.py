"""A conversation: durable state that responses can read from and add to."""

from __future__ import annotations

from typing import Any

from gptkit.types._base import ResponseObject

__all__ = ["Conversation"]


class Conversation(ResponseObject):
    """A conversation's id (pass it as ``conversation=`` to ``responses.create``) and metadata."""

    id: str
    created_at: int | None = None
    metadata: Any = None
    object: str = "conversation"
