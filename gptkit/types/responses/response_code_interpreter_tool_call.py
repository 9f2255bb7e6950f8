"""Code the model ran in a container (``code_interpreter_call`` output item)."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.responses._tagged import UNKNOWN, by_type

__all__ = ["Output", "OutputImage", "OutputLogs", "ResponseCodeInterpreterToolCall", "UnknownOutput"]


class OutputLogs(APIObject):
    """What the code printed."""

    logs: str = ""
    type: Literal["logs"] = "logs"


class OutputImage(APIObject):
    """An image the code produced."""

    type: Literal["image"] = "image"
    url: str = ""


class UnknownOutput(APIObject):
    """A code interpreter output of a type this version of gptkit does not know."""

    type: str


_OUTPUTS = (
    Annotated[OutputLogs, Tag("logs")]
    | Annotated[OutputImage, Tag("image")]
    | Annotated[UnknownOutput, Tag(UNKNOWN)]
)
Output: TypeAlias = Annotated[_OUTPUTS, by_type(_OUTPUTS)]


class ResponseCodeInterpreterToolCall(APIObject):
    """A code interpreter call (``include=["code_interpreter_call.outputs"]`` adds ``outputs``);
    ``status`` is ``in_progress``, ``interpreting``, ``completed``, ``incomplete`` or ``failed``."""

    id: str = ""
    code: str | None = None
    container_id: str = ""
    outputs: list[Output] | None = None
    status: str | None = None
    type: Literal["code_interpreter_call"] = "code_interpreter_call"
