"""The parameters of ``chat.completions.messages.list`` (a stored completion's messages)."""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

__all__ = ["MessageListParams"]


class MessageListParams(TypedDict, total=False):
    """The query of ``client.chat.completions.messages.list(completion_id, ...)``."""

    after: str
    """The last message id of the previous page: the page starts after it."""
    limit: int
    """How many messages a page holds."""
    order: Literal["asc", "desc"]
    """By timestamp: ``asc`` (the default) or ``desc``."""
