"""The parameters of ``chat.completions.update`` (a stored completion's new metadata)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict

__all__ = ["CompletionUpdateParams"]


@with_config(ConfigDict(extra="forbid"))
class CompletionUpdateParams(TypedDict, total=False):
    """Up to 16 string pairs (keys up to 64 characters, values up to 512), or None to clear them.

    (Required by the method's signature; None is sent as JSON ``null``.)
    """

    metadata: Annotated[Mapping[Annotated[str, Field(max_length=64)], Annotated[str, Field(max_length=512)]],
                        Field(max_length=16)] | None
