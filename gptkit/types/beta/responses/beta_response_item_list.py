"""One page of ``client.beta.responses.input_items.list``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from gptkit.types._base import ResponseObject
from gptkit.types.beta.beta_response_item import BetaResponseItem

__all__ = ["BetaResponseItemList"]


class BetaResponseItemList(ResponseObject):
    """One page of a beta response's input items; iterate over it to get each item."""

    data: list[BetaResponseItem] = []
    first_id: str | None = None
    has_more: bool = False
    last_id: str | None = None
    object: Literal["list"] = "list"

    def __iter__(self) -> Iterator[BetaResponseItem]:  # type: ignore[override]
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)
