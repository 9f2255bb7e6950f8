"""``StringCheckGrader`` as a request parameter."""

from __future__ import annotations

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["StringCheckGraderParam"]


class StringCheckGraderParam(TypedDict, total=False):
    """``{"type": "string_check", "name", "input", "operation", "reference"}``."""

    input: Required[str]
    name: Required[str]
    operation: Required[Literal["eq", "ne", "like", "ilike"]]
    reference: Required[str]
    type: Required[Literal["string_check"]]
