"""The parameters of ``vector_stores.file_batches.list_files``."""

from __future__ import annotations

from gptkit.types.vector_stores.file_list_params import FileListParams

__all__ = ["FileBatchListFilesParams"]


class FileBatchListFilesParams(FileListParams, total=False):
    """The store the batch belongs to, and the page to fetch."""

    vector_store_id: str
