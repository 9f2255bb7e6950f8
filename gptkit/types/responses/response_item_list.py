"""One page of ``responses.input_items.list``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from gptkit.types._base import ResponseObject
from gptkit.types.responses.response_item import ResponseItem

__all__ = ["ResponseItemList"]


class ResponseItemList(ResponseObject):
    """One page of a response's input items; iterate over it to get each item, page on with
    ``after=page.last_id`` while ``has_more``."""

    data: list[ResponseItem] = []
    first_id: str | None = None
    has_more: bool = False
    last_id: str | None = None
    object: Literal["list"] = "list"

    def __iter__(self) -> Iterator[ResponseItem]:  # type: ignore[override]
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)
