"""``ResponseFormatJSONObject``: answer with a JSON object (the older JSON mode)."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ResponseFormatJSONObject"]


@with_config(OPEN_PARAMS)
class ResponseFormatJSONObject(TypedDict, total=False):
    """``{"type": "json_object"}``."""

    type: Required[Literal["json_object"]]
