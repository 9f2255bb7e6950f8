"""``ChatCompletionAllowedToolsParam``: limit the model to some of the tools given."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ChatCompletionAllowedToolsParam"]


@with_config(OPEN_PARAMS)
class ChatCompletionAllowedToolsParam(TypedDict, total=False):
    """The allowed ``tools`` and whether one must be called (``mode``)."""

    mode: Required[Literal["auto", "required"]]
    tools: Required[Sequence[Mapping[str, Any]]]
