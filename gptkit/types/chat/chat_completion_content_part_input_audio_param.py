"""``ChatCompletionContentPartInputAudioParam``: an audio part (base64 wav or mp3)."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.chat.chat_completion_content_part_text_param import PromptCacheBreakpoint

__all__ = ["ChatCompletionContentPartInputAudioParam", "InputAudio", "PromptCacheBreakpoint"]


@with_config(OPEN_PARAMS)
class InputAudio(TypedDict, total=False):
    """Base64 audio ``data`` and its ``format``."""

    data: Required[str]
    format: Required[str]


@with_config(OPEN_PARAMS)
class ChatCompletionContentPartInputAudioParam(TypedDict, total=False):
    """``{"type": "input_audio", "input_audio": {"data": ..., "format": "wav"}}``."""

    input_audio: Required[InputAudio]
    type: Required[Literal["input_audio"]]
    prompt_cache_breakpoint: PromptCacheBreakpoint
