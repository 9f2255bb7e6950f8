"""Parts of an input message as the API returns them (``input_items.list``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Field, Tag

from gptkit.types._base import APIObject
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response_output_message import UnknownContent
from gptkit.types.responses.response_output_refusal import ResponseOutputRefusal
from gptkit.types.responses.response_output_text import ResponseOutputText

__all__ = [
    "PromptCacheBreakpoint",
    "ResponseInputAudio",
    "ResponseInputContent",
    "ResponseInputParts",
    "ResponseInputFile",
    "ResponseInputImage",
    "ResponseInputText",
]


class PromptCacheBreakpoint(APIObject):
    """Where an explicit prompt cache ends (``mode="explicit"``), and for how long it stays."""

    mode: str = "explicit"
    ttl: str | None = None


class ResponseInputText(APIObject):
    """Text sent to the model."""

    text: str = ""
    type: Literal["input_text"] = "input_text"
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None


class ResponseInputImage(APIObject):
    """An image sent to the model (by URL, data URL or file id)."""

    detail: str | None = None
    type: Literal["input_image"] = "input_image"
    file_id: str | None = None
    image_url: str | None = None
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None


class ResponseInputFile(APIObject):
    """A file sent to the model (by id, URL or inline data)."""

    type: Literal["input_file"] = "input_file"
    detail: str | None = None
    file_data: str | None = None
    file_id: str | None = None
    file_url: str | None = None
    filename: str | None = None
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None


class ResponseInputAudio(APIObject):
    """Audio sent to the model."""

    type: Literal["input_audio"] = "input_audio"
    input_audio: Any = None


_CONTENT = (
    Annotated[ResponseInputText, Tag("input_text")]
    | Annotated[ResponseInputImage, Tag("input_image")]
    | Annotated[ResponseInputFile, Tag("input_file")]
    | Annotated[ResponseInputAudio, Tag("input_audio")]
    | Annotated[ResponseOutputText, Tag("output_text")]
    | Annotated[ResponseOutputRefusal, Tag("refusal")]
    | Annotated[UnknownContent, Tag(UNKNOWN)]
)
ResponseInputContent: TypeAlias = Annotated[_CONTENT, by_type(_CONTENT)]

#: The parts an input item given as input may hold, as the official ``ResponseInputContent``
#: lists them (text, image, file); ``ResponseInputContent`` above also reads what listed items echo.
ResponseInputParts: TypeAlias = Annotated[
    ResponseInputText | ResponseInputImage | ResponseInputFile, Field(discriminator="type")
]
