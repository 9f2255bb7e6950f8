"""``ChatCompletionContentPartParam``: any part of a user message's content."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Field, with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.chat.chat_completion_content_part_image_param import (
    ChatCompletionContentPartImageParam,
)
from gptkit.types.chat.chat_completion_content_part_input_audio_param import (
    ChatCompletionContentPartInputAudioParam,
)
from gptkit.types.chat.chat_completion_content_part_text_param import (
    ChatCompletionContentPartTextParam,
    PromptCacheBreakpoint,
)

__all__ = ["ChatCompletionContentPartParam", "File", "FileFile", "FilePromptCacheBreakpoint"]

FilePromptCacheBreakpoint = PromptCacheBreakpoint


@with_config(OPEN_PARAMS)
class FileFile(TypedDict, total=False):
    """A file by ``file_id``, or inline as base64 ``file_data`` with a ``filename``."""

    file_data: str
    file_id: str
    filename: str


@with_config(OPEN_PARAMS)
class File(TypedDict, total=False):
    """``{"type": "file", "file": {...}}``: a file (a PDF...) as input."""

    file: Required[FileFile]
    type: Required[Literal["file"]]
    prompt_cache_breakpoint: FilePromptCacheBreakpoint


ChatCompletionContentPartParam: TypeAlias = Annotated[
    ChatCompletionContentPartTextParam
    | ChatCompletionContentPartImageParam
    | ChatCompletionContentPartInputAudioParam
    | File,
    Field(discriminator="type"),
]
