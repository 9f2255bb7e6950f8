"""``ResponseFormatText``: answer in plain text."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ResponseFormatText"]


@with_config(OPEN_PARAMS)
class ResponseFormatText(TypedDict, total=False):
    """``{"type": "text"}``."""

    type: Required[Literal["text"]]
