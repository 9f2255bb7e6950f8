"""``ChatCompletionFunctionCallOptionParam``: make the model call this (deprecated) function."""

from __future__ import annotations

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ChatCompletionFunctionCallOptionParam"]


@with_config(OPEN_PARAMS)
class ChatCompletionFunctionCallOptionParam(TypedDict, total=False):
    """``{"name": ...}``."""

    name: Required[str]
