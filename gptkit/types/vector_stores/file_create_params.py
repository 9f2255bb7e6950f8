"""The parameters of ``vector_stores.files.create``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

from gptkit.types.file_chunking_strategy_param import FileChunkingStrategyParam

__all__ = ["FileCreateParams"]


@with_config(ConfigDict(extra="forbid"))
class FileCreateParams(TypedDict, total=False):
    """Add the uploaded file ``file_id`` to a store."""

    file_id: Required[Annotated[str, Field(min_length=1)]]
    attributes: Mapping[str, str | float | bool] | None
    chunking_strategy: FileChunkingStrategyParam
