"""What a model grader's message may hold as a list of parts (``GraderInputs``): text, output
text, images and audio, which may contain template strings (``{{sample.output_text}}``)."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response_input_content import ResponseInputAudio, ResponseInputText

__all__ = ["GraderInputItem", "GraderInputItemInputImage", "GraderInputItemOutputText", "GraderInputs"]


class GraderInputItemOutputText(APIObject):
    """Text written as the model's output."""

    text: str
    type: Literal["output_text"] = "output_text"


class GraderInputItemInputImage(APIObject):
    """An image by URL; ``detail`` is ``high``, ``low`` or ``auto``."""

    image_url: str
    type: Literal["input_image"] = "input_image"
    detail: str | None = None


_PART = (
    Annotated[ResponseInputText, Tag("input_text")]
    | Annotated[GraderInputItemOutputText, Tag("output_text")]
    | Annotated[GraderInputItemInputImage, Tag("input_image")]
    | Annotated[ResponseInputAudio, Tag("input_audio")]
    | Annotated[APIObject, Tag(UNKNOWN)]
)
#: One part: a string, or a part told apart by ``type`` (an unknown kind keeps its fields).
GraderInputItem: TypeAlias = str | Annotated[_PART, by_type(_PART)]
GraderInputs: TypeAlias = list[GraderInputItem]
