"""The simplest input item: ``{"role": "user", "content": "..."}``."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types.responses._params_base import OPEN
from gptkit.types.responses.response_input_content_param import ResponseInputMessageContentListParam

__all__ = ["EasyInputMessageParam"]


@with_config(OPEN)
class EasyInputMessageParam(TypedDict, total=False):
    """A message with a role: ``content`` is a string or a list of input parts. ``system`` and
    ``developer`` messages take precedence over ``user`` ones."""

    role: Required[Literal["user", "assistant", "system", "developer"]]
    content: Required[str | ResponseInputMessageContentListParam]
    type: Literal["message"]
    phase: str | None
