"""The parameters of ``uploads.parts.create``."""

from __future__ import annotations

from typing import Any

from typing_extensions import Required, TypedDict

__all__ = ["PartCreateParams"]


class PartCreateParams(TypedDict, total=False):
    """``data``: the part's bytes (at most 64 MB), sent as a multipart file."""

    data: Required[Any]
