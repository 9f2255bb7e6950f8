"""``ChatCompletionToolParam``: a function tool parameter (the older name, still a class of its own
with the keys of ``ChatCompletionFunctionToolParam``, as in the official package)."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.shared_params.function_definition import FunctionDefinition

__all__ = ["ChatCompletionToolParam", "FunctionDefinition"]


@with_config(OPEN_PARAMS)
class ChatCompletionToolParam(TypedDict, total=False):
    """``{"type": "function", "function": {"name": ..., "parameters": {...}}}``."""

    function: Required[FunctionDefinition]
    type: Required[Literal["function"]]
