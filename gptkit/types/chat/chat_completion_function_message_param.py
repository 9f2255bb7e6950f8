"""``ChatCompletionFunctionMessageParam``: a deprecated function result message."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ChatCompletionFunctionMessageParam"]


@with_config(OPEN_PARAMS)
class ChatCompletionFunctionMessageParam(TypedDict, total=False):
    """``{"role": "function", "name": ..., "content": ...}``."""

    content: Required[str | None]
    name: Required[str]
    role: Required[Literal["function"]]
