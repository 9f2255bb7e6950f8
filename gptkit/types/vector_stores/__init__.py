"""Wire types of ``client.vector_stores.files`` and ``client.vector_stores.file_batches``."""

from __future__ import annotations

from gptkit.types.vector_stores.file_batch_create_params import FileBatchCreateParams
from gptkit.types.vector_stores.file_content_response import FileContentResponse
from gptkit.types.vector_stores.file_create_params import FileCreateParams
from gptkit.types.vector_stores.file_update_params import FileUpdateParams
from gptkit.types.vector_stores.vector_store_file import VectorStoreFile
from gptkit.types.vector_stores.vector_store_file_batch import VectorStoreFileBatch
from gptkit.types.vector_stores.vector_store_file_deleted import VectorStoreFileDeleted

__all__ = [
    "FileBatchCreateParams",
    "FileContentResponse",
    "FileCreateParams",
    "FileUpdateParams",
    "VectorStoreFile",
    "VectorStoreFileBatch",
    "VectorStoreFileDeleted",
]
