"""The parameters of ``audio.translations.create`` (the audio ``file`` is sent as a part)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = ["TranslationCreateArgs", "TranslationCreateFields", "TranslationCreateParams"]


@with_config(ConfigDict(extra="forbid"))
class TranslationCreateArgs(TypedDict, total=False):
    """The form fields of ``audio.translations.create`` other than ``response_format``."""

    model: Required[Annotated[str, Field(min_length=1)]]
    prompt: str
    temperature: Annotated[float, Field(ge=0, le=1)]


@with_config(ConfigDict(extra="forbid"))
class TranslationCreateFields(TranslationCreateArgs, total=False):
    """The form fields of ``audio.translations.create``: what is validated before sending."""

    response_format: str


class TranslationCreateParams(TranslationCreateFields, total=False):
    """Every parameter of ``audio.translations.create``, the audio ``file`` included."""

    file: Required[Any]
