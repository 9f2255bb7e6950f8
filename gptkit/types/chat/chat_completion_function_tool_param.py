"""``ChatCompletionFunctionToolParam``: a function the model may call."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.shared_params.function_definition import FunctionDefinition

__all__ = ["ChatCompletionFunctionToolParam"]


@with_config(OPEN_PARAMS)
class ChatCompletionFunctionToolParam(TypedDict, total=False):
    """``{"type": "function", "function": {"name": ..., "parameters": {...}}}``."""

    function: Required[FunctionDefinition]
    type: Required[Literal["function"]]
