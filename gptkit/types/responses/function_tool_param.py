"""A function the model may call (the Responses API's flat tool shape)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types.responses._params_base import OPEN

__all__ = ["FunctionToolParam"]


@with_config(OPEN)
class FunctionToolParam(TypedDict, total=False):
    """``{"type": "function", "name": ..., "parameters": {JSON schema}, "strict": True}``.

    Unlike chat completions' tools, the name and schema are not nested under ``function``.
    """

    type: Required[Literal["function"]]
    name: Required[str]
    parameters: Mapping[str, Any] | None
    strict: bool | None
    description: str | None
