"""``ChatCompletionStreamOptionsParam``: options of a streamed completion."""

from __future__ import annotations

from pydantic import with_config
from typing_extensions import TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ChatCompletionStreamOptionsParam"]


@with_config(OPEN_PARAMS)
class ChatCompletionStreamOptionsParam(TypedDict, total=False):
    """``include_usage`` adds a last chunk with the usage; ``include_obfuscation`` pads events."""

    include_obfuscation: bool
    include_usage: bool
