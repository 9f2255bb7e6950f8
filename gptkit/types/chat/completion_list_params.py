"""The parameters of ``chat.completions.list`` (stored chat completions)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from typing_extensions import TypedDict

__all__ = ["CompletionListParams"]


class CompletionListParams(TypedDict, total=False):
    """Which stored completions to list: a page ``after`` an id, up to ``limit``, filtered by
    ``metadata`` pairs and ``model``, oldest or newest first."""

    after: str
    limit: int
    metadata: Mapping[str, str] | None
    model: str
    order: Literal["asc", "desc"]
