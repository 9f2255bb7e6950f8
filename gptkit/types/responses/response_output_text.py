"""The ``output_text`` part of an assistant message, with its annotations and log probabilities."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.responses._tagged import UNKNOWN, by_type

__all__ = [
    "Annotation",
    "AnnotationContainerFileCitation",
    "AnnotationFileCitation",
    "AnnotationFilePath",
    "AnnotationURLCitation",
    "Logprob",
    "LogprobTopLogprob",
    "ResponseOutputText",
    "UnknownAnnotation",
]


class AnnotationFileCitation(APIObject):
    """A citation of a file (file search)."""

    file_id: str = ""
    filename: str = ""
    index: int = 0
    type: Literal["file_citation"] = "file_citation"


class AnnotationURLCitation(APIObject):
    """A citation of a web page (web search): the span of text it supports and its URL."""

    end_index: int = 0
    start_index: int = 0
    title: str = ""
    type: Literal["url_citation"] = "url_citation"
    url: str = ""


class AnnotationContainerFileCitation(APIObject):
    """A citation of a file in a code interpreter container."""

    container_id: str = ""
    end_index: int = 0
    file_id: str = ""
    filename: str = ""
    start_index: int = 0
    type: Literal["container_file_citation"] = "container_file_citation"


class AnnotationFilePath(APIObject):
    """A path to a file the model produced."""

    file_id: str = ""
    index: int = 0
    type: Literal["file_path"] = "file_path"


class UnknownAnnotation(APIObject):
    """An annotation of a type this version of gptkit does not know (all its fields kept)."""

    type: str


_ANNOTATIONS = (
    Annotated[AnnotationFileCitation, Tag("file_citation")]
    | Annotated[AnnotationURLCitation, Tag("url_citation")]
    | Annotated[AnnotationContainerFileCitation, Tag("container_file_citation")]
    | Annotated[AnnotationFilePath, Tag("file_path")]
    | Annotated[UnknownAnnotation, Tag(UNKNOWN)]
)
Annotation: TypeAlias = Annotated[_ANNOTATIONS, by_type(_ANNOTATIONS)]


class LogprobTopLogprob(APIObject):
    """One of the most likely tokens at a position."""

    token: str
    bytes: list[int] | None = None
    logprob: float


class Logprob(APIObject):
    """The log probability of one output token, with the most likely alternatives."""

    token: str
    bytes: list[int] | None = None
    logprob: float
    top_logprobs: list[LogprobTopLogprob] = []


class ResponseOutputText(APIObject):
    """Text the model wrote."""

    annotations: list[Annotation] = []
    text: str = ""
    type: Literal["output_text"] = "output_text"
    logprobs: list[Logprob] | None = None
