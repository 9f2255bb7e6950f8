"""The parameters of ``uploads.complete``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = ["UploadCompleteParams"]


@with_config(ConfigDict(extra="forbid"))
class UploadCompleteParams(TypedDict, total=False):
    """The parts, in the order they make the file, and optionally its MD5 to check."""

    part_ids: Required[Annotated[Sequence[str], Field(min_length=1)]]
    md5: str
