"""One page of ``client.beta.responses.input_items.list``."""

from __future__ import annotations

from gptkit.types.beta.beta_response_item import BetaResponseItem
from gptkit.types.responses.response_item_list import ResponseItemList

__all__ = ["BetaResponseItemList"]


class BetaResponseItemList(ResponseItemList):
    """One page of a beta response's input items (``BetaResponseItem``); iterate over it to get
    each item."""

    data: list[BetaResponseItem] = []  # type: ignore[assignment]  # the beta kinds of item
