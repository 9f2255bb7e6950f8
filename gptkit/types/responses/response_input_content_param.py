"""Parts of an input message: text, images, files and audio."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import Tag, with_config
from typing_extensions import Required, TypedDict

from gptkit.types.responses._params_base import OPEN
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response_output_message_param import (
    ResponseOutputRefusalParam,
    ResponseOutputTextParam,
)

__all__ = [
    "ResponseInputAudioParam",
    "ResponseInputContentParam",
    "ResponseInputFileParam",
    "ResponseInputImageParam",
    "ResponseInputMessageContentListParam",
    "ResponseInputTextParam",
]


@with_config(OPEN)
class ResponseInputTextParam(TypedDict, total=False):
    """``{"type": "input_text", "text": ...}``."""

    type: Required[Literal["input_text"]]
    text: Required[str]


@with_config(OPEN)
class ResponseInputImageParam(TypedDict, total=False):
    """An image by ``image_url`` (a URL or a ``data:`` URL) or ``file_id``."""

    type: Required[Literal["input_image"]]
    detail: str
    image_url: str | None
    file_id: str | None


@with_config(OPEN)
class ResponseInputFileParam(TypedDict, total=False):
    """A file by ``file_id``, ``file_url`` or inline ``file_data`` (with its ``filename``)."""

    type: Required[Literal["input_file"]]
    file_id: str | None
    file_url: str
    file_data: str
    filename: str


@with_config(OPEN)
class _InputAudio(TypedDict):
    data: str
    format: str


@with_config(OPEN)
class ResponseInputAudioParam(TypedDict, total=False):
    """Base64 audio (``{"data": ..., "format": "mp3" | "wav"}``)."""

    type: Required[Literal["input_audio"]]
    input_audio: Required[_InputAudio]


if TYPE_CHECKING:
    ResponseInputContentParam: TypeAlias = (
        ResponseInputTextParam
        | ResponseInputImageParam
        | ResponseInputFileParam
        | ResponseInputAudioParam
    )
else:
    _PARTS = (
        Annotated[ResponseInputTextParam, Tag("input_text")]
        | Annotated[ResponseInputImageParam, Tag("input_image")]
        | Annotated[ResponseInputFileParam, Tag("input_file")]
        | Annotated[ResponseInputAudioParam, Tag("input_audio")]
        # An assistant message sent back as input holds output parts.
        | Annotated[ResponseOutputTextParam, Tag("output_text")]
        | Annotated[ResponseOutputRefusalParam, Tag("refusal")]
        | Annotated[dict[str, Any], Tag(UNKNOWN)]
    )
    ResponseInputContentParam = Annotated[_PARTS, by_type(_PARTS)]

ResponseInputMessageContentListParam: TypeAlias = Sequence[ResponseInputContentParam]
