"""The items ``conversations.items.create`` added."""

from __future__ import annotations

from collections.abc import Iterator

from gptkit.types._base import ResponseObject
from gptkit.types.conversations.conversation_item import ConversationItem

__all__ = ["ConversationItemList"]


class ConversationItemList(ResponseObject):
    """The added items, in order; iterate over it to get each one."""

    data: list[ConversationItem] = []
    first_id: str | None = None
    has_more: bool = False
    last_id: str | None = None
    object: str = "list"

    def __iter__(self) -> Iterator[ConversationItem]:  # type: ignore[override]
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)
