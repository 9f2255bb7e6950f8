"""``client.vector_stores``: stores, their files and file batches."""

from __future__ import annotations

from gptkit.resources.vector_stores.file_batches import AsyncFileBatches, FileBatches
from gptkit.resources.vector_stores.files import AsyncFiles, Files
from gptkit.resources.vector_stores.stores import AsyncVectorStores, VectorStores

__all__ = ["AsyncFileBatches", "AsyncFiles", "AsyncVectorStores", "FileBatches", "Files", "VectorStores"]
