"""The parameters of ``responses.input_items.list`` (sent in the query string)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import Field, with_config
from typing_extensions import TypedDict

from gptkit.types.responses._params_base import CLOSED
from gptkit.types.responses.response_create_params import ResponseIncludable

__all__ = ["InputItemListParams"]


@with_config(CLOSED)
class InputItemListParams(TypedDict, total=False):
    """A page of input items: ``limit`` (1 to 100) after the item ``after``, in ``order``."""

    after: str
    include: Sequence[ResponseIncludable | str]
    limit: Annotated[int, Field(ge=1, le=100)]
    order: Literal["asc", "desc"]
