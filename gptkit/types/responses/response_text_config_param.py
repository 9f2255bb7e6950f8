"""``text``: the output format (plain text, a JSON schema, or any JSON object) and verbosity."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import Field, Tag, with_config
from typing_extensions import Required, TypedDict

from gptkit.types.responses._params_base import OPEN
from gptkit.types.responses._tagged import UNKNOWN, by_type

__all__ = [
    "ResponseFormatJSONObjectParam",
    "ResponseFormatTextConfigParam",
    "ResponseFormatTextJSONSchemaConfigParam",
    "ResponseFormatTextParam",
    "ResponseTextConfigParam",
]


@with_config(OPEN)
class ResponseFormatTextParam(TypedDict):
    """Plain text (the default)."""

    type: Literal["text"]


@with_config(OPEN)
class ResponseFormatJSONObjectParam(TypedDict):
    """Any JSON object (JSON mode)."""

    type: Literal["json_object"]


@with_config(OPEN)
class ResponseFormatTextJSONSchemaConfigParam(TypedDict, total=False):
    """Structured outputs: JSON matching ``schema`` (flat: ``name`` and ``schema`` are not nested
    under ``json_schema`` as in chat completions)."""

    type: Required[Literal["json_schema"]]
    name: Required[Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]]
    schema: Required[Mapping[str, Any]]
    description: str
    strict: bool | None


if TYPE_CHECKING:
    ResponseFormatTextConfigParam: TypeAlias = (
        ResponseFormatTextParam | ResponseFormatTextJSONSchemaConfigParam | ResponseFormatJSONObjectParam
    )
else:
    _FORMATS = (
        Annotated[ResponseFormatTextParam, Tag("text")]
        | Annotated[ResponseFormatTextJSONSchemaConfigParam, Tag("json_schema")]
        | Annotated[ResponseFormatJSONObjectParam, Tag("json_object")]
        | Annotated[dict[str, Any], Tag(UNKNOWN)]
    )
    ResponseFormatTextConfigParam = Annotated[_FORMATS, by_type(_FORMATS)]


@with_config(OPEN)
class ResponseTextConfigParam(TypedDict, total=False):
    """The output ``format`` and ``verbosity`` (``low``, ``medium``, ``high``)."""

    format: ResponseFormatTextConfigParam
    verbosity: Literal["low", "medium", "high"] | None
