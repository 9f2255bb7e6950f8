"""The parameters of ``responses.retrieve`` (sent in the query string)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from pydantic import Field, with_config
from typing_extensions import TypedDict

from gptkit.types.responses._params_base import CLOSED
from gptkit.types.responses.response_create_params import ResponseIncludable

__all__ = ["ResponseRetrieveParams"]


@with_config(CLOSED)
class ResponseRetrieveParams(TypedDict, total=False):
    """Extra output to ``include``; with ``stream``, replay a background response's events after
    ``starting_after`` (a ``sequence_number``)."""

    include: Sequence[ResponseIncludable | str]
    include_obfuscation: bool
    starting_after: Annotated[int, Field(ge=0)]
    stream: bool
