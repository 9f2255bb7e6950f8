"""A function call sent back as input (with its output in a ``function_call_output`` item)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types.responses._params_base import OPEN

__all__ = ["ResponseFunctionToolCallParam"]


@with_config(OPEN)
class ResponseFunctionToolCallParam(TypedDict, total=False):
    """A ``function_call`` item: ``arguments`` is a JSON string."""

    type: Required[Literal["function_call"]]
    call_id: Required[str]
    name: Required[str]
    arguments: Required[str]
    id: str
    status: str
    namespace: str
    caller: Any
