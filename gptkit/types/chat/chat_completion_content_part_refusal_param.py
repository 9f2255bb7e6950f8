"""``ChatCompletionContentPartRefusalParam``: a refusal part of an assistant message."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ChatCompletionContentPartRefusalParam"]


@with_config(OPEN_PARAMS)
class ChatCompletionContentPartRefusalParam(TypedDict, total=False):
    """``{"type": "refusal", "refusal": ...}``."""

    refusal: Required[str]
    type: Required[Literal["refusal"]]
