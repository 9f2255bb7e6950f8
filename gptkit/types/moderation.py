"""One moderation result: which categories an input was flagged for, and the scores."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Field, model_validator
from pydantic_core.core_schema import ValidatorFunctionWrapHandler

from gptkit.types._base import APIObject

__all__ = ["Categories", "CategoryAppliedInputTypes", "CategoryScores", "Moderation"]


class _SlashedKeysKept(APIObject):
    """Keeps each slashed wire key (``harassment/threatening``) as an extra besides its field, as
    the official models do, so these objects print and dump exactly as theirs."""

    @model_validator(mode="wrap")
    @classmethod
    def _keep_wire_keys(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        made = handler(data)
        extra = made.__pydantic_extra__
        if isinstance(data, Mapping) and extra is not None:
            # In the order the server sent them, as the official extras are.
            aliases = {field.alias for field in type(made).model_fields.values() if field.alias is not None}
            for key, value in data.items():
                if key in aliases:
                    extra[key] = value
        return made


class Categories(_SlashedKeysKept):
    """Whether the input was flagged for each category (``harassment/threatening`` on the wire)."""

    harassment: bool | None = None
    harassment_threatening: bool | None = Field(default=None, alias="harassment/threatening")
    hate: bool | None = None
    hate_threatening: bool | None = Field(default=None, alias="hate/threatening")
    illicit: bool | None = None
    illicit_violent: bool | None = Field(default=None, alias="illicit/violent")
    self_harm: bool | None = Field(default=None, alias="self-harm")
    self_harm_instructions: bool | None = Field(default=None, alias="self-harm/instructions")
    self_harm_intent: bool | None = Field(default=None, alias="self-harm/intent")
    sexual: bool | None = None
    sexual_minors: bool | None = Field(default=None, alias="sexual/minors")
    violence: bool | None = None
    violence_graphic: bool | None = Field(default=None, alias="violence/graphic")


class CategoryAppliedInputTypes(_SlashedKeysKept):
    """The input types (``text``, ``image``) each category's score applies to."""

    harassment: list[str] | None = None
    harassment_threatening: list[str] | None = Field(default=None, alias="harassment/threatening")
    hate: list[str] | None = None
    hate_threatening: list[str] | None = Field(default=None, alias="hate/threatening")
    illicit: list[str] | None = None
    illicit_violent: list[str] | None = Field(default=None, alias="illicit/violent")
    self_harm: list[str] | None = Field(default=None, alias="self-harm")
    self_harm_instructions: list[str] | None = Field(default=None, alias="self-harm/instructions")
    self_harm_intent: list[str] | None = Field(default=None, alias="self-harm/intent")
    sexual: list[str] | None = None
    sexual_minors: list[str] | None = Field(default=None, alias="sexual/minors")
    violence: list[str] | None = None
    violence_graphic: list[str] | None = Field(default=None, alias="violence/graphic")


class CategoryScores(_SlashedKeysKept):
    """The model's confidence, from 0 to 1, for each category."""

    harassment: float | None = None
    harassment_threatening: float | None = Field(default=None, alias="harassment/threatening")
    hate: float | None = None
    hate_threatening: float | None = Field(default=None, alias="hate/threatening")
    illicit: float | None = None
    illicit_violent: float | None = Field(default=None, alias="illicit/violent")
    self_harm: float | None = Field(default=None, alias="self-harm")
    self_harm_instructions: float | None = Field(default=None, alias="self-harm/instructions")
    self_harm_intent: float | None = Field(default=None, alias="self-harm/intent")
    sexual: float | None = None
    sexual_minors: float | None = Field(default=None, alias="sexual/minors")
    violence: float | None = None
    violence_graphic: float | None = Field(default=None, alias="violence/graphic")


class Moderation(APIObject):
    """The verdict on one input: ``flagged``, and per category the flag and the score."""

    categories: Categories | None = None
    category_applied_input_types: CategoryAppliedInputTypes | None = None
    category_scores: CategoryScores | None = None
    flagged: bool = False
