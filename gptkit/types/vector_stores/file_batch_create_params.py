"""The parameters of ``vector_stores.file_batches.create``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from pydantic import ConfigDict, with_config
from typing_extensions import Required, TypedDict

from gptkit.types.file_chunking_strategy_param import FileChunkingStrategyParam

__all__ = ["File", "FileBatchCreateParams"]


class File(TypedDict, total=False):
    """One file of the batch, with its own attributes and chunking."""

    file_id: Required[str]
    attributes: Mapping[str, str | float | bool] | None
    chunking_strategy: FileChunkingStrategyParam


@with_config(ConfigDict(extra="forbid"))
class FileBatchCreateParams(TypedDict, total=False):
    """``file_ids`` (sharing ``attributes`` and ``chunking_strategy``) or ``files``."""

    attributes: Mapping[str, str | float | bool] | None
    chunking_strategy: FileChunkingStrategyParam
    file_ids: Sequence[str]
    files: Iterable[File]
