"""The parameters of ``vector_stores.files.update``."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ConfigDict, with_config
from typing_extensions import Required, TypedDict

__all__ = ["FileUpdateParams"]


@with_config(ConfigDict(extra="forbid"))
class FileUpdateParams(TypedDict, total=False):
    """A file's new attributes (up to 16 keys)."""

    attributes: Required[Mapping[str, str | float | bool] | None]
