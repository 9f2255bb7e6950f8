"""``GraderInputs`` as a request parameter."""

from __future__ import annotations

from typing import Literal, TypeAlias, Union

from typing_extensions import Required, TypedDict

from gptkit.types.responses.response_input_content_param import (
    ResponseInputAudioParam,
    ResponseInputTextParam,
)

__all__ = [
    "GraderInputsParam",
    "GraderInputsParamItem",
    "GraderInputsParamItemInputImage",
    "GraderInputsParamItemOutputText",
]


class GraderInputsParamItemOutputText(TypedDict, total=False):
    """``{"type": "output_text", "text": ...}``."""

    text: Required[str]
    type: Required[Literal["output_text"]]


class GraderInputsParamItemInputImage(TypedDict, total=False):
    """``{"type": "input_image", "image_url": ...}``."""

    image_url: Required[str]
    type: Required[Literal["input_image"]]
    detail: str


GraderInputsParamItem: TypeAlias = Union[  # noqa: UP007 (a runtime alias on 3.10)
    str, ResponseInputTextParam, GraderInputsParamItemOutputText, GraderInputsParamItemInputImage,
    ResponseInputAudioParam,
]
GraderInputsParam: TypeAlias = list[GraderInputsParamItem]
