"""The parameters of ``conversations.items.retrieve``."""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import Required, TypedDict

__all__ = ["ItemRetrieveParams"]


class ItemRetrieveParams(TypedDict, total=False):
    """The item's conversation, and what to include in the answer."""

    conversation_id: Required[str]
    include: Sequence[str]
