"""``ResponseInputParam``: a request's ``input`` as a list of items."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from gptkit.types.responses.response_input_item_param import ResponseInputItemParam

__all__ = ["ResponseInputParam"]

#: The items the model reads, oldest first (a string ``input`` is one user message).
ResponseInputParam: TypeAlias = Sequence[ResponseInputItemParam]
