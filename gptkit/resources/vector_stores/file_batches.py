"""``client.vector_stores.file_batches``: add many uploaded files to a store at once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from typing_extensions import Unpack

from gptkit.pagination import AsyncPaginator, SyncCursorPage
from gptkit.resources._common import async_list, body_params, path_with, sync_list
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources.vector_stores._poll import apoll, poll
from gptkit.resources.vector_stores._shared import beta, endpoint, list_endpoints, store_query
from gptkit.types.file_chunking_strategy_param import FileChunkingStrategyParam
from gptkit.types.request_options import RequestOptions
from gptkit.types.vector_stores.file_batch_create_params import File, FileBatchCreateParams
from gptkit.types.vector_stores.vector_store_file import VectorStoreFile
from gptkit.types.vector_stores.vector_store_file_batch import VectorStoreFileBatch

__all__ = ["AsyncFileBatches", "FileBatches"]

_BATCHES = "/vector_stores/{vector_store_id}/file_batches"
_BATCH = _BATCHES + "/{batch_id}"
CREATE = endpoint(
    "POST", _BATCHES, VectorStoreFileBatch, FileBatchCreateParams, "vector_stores.file_batches.create"
)
RETRIEVE = endpoint("GET", _BATCH, VectorStoreFileBatch)
CANCEL = endpoint("POST", _BATCH + "/cancel", VectorStoreFileBatch)
LIST_FILES = list_endpoints("GET", _BATCH + "/files", VectorStoreFile)
_Attributes = Mapping[str, str | float | bool]


def _path(template: str, call: str, vector_store_id: str, batch_id: str | None = None) -> str:
    ids: dict[str, object] = {"vector_store_id": vector_store_id}
    if batch_id is not None:
        ids["batch_id"] = batch_id
    return path_with(template, f"vector_stores.file_batches.{call}", **ids)


def _create(
    attributes: Any, chunking_strategy: Any, file_ids: Any, files: Any, options: RequestOptions
) -> dict[str, Any]:
    return body_params(
        {
            "attributes": attributes,
            "chunking_strategy": chunking_strategy,
            "file_ids": file_ids,
            "files": None if files is None else list(files),
        },
        beta(options),
    )


class FileBatches(SyncResource):
    """File batches of vector stores (``Client``)."""

    def create(
        self,
        vector_store_id: str,
        *,
        attributes: _Attributes | None = None,
        chunking_strategy: FileChunkingStrategyParam | None = None,
        file_ids: Sequence[str] | None = None,
        files: Iterable[File] | None = None,
        **options: Unpack[RequestOptions],
    ) -> VectorStoreFileBatch:
        """Add the uploaded files ``file_ids`` (or ``files``, each with its own settings)."""
        path = _path(CREATE.path, "create", vector_store_id)
        params = _create(attributes, chunking_strategy, file_ids, files, options)
        result: VectorStoreFileBatch = self._client._execute(
            self._client._prepare(CREATE, params, raw=self._raw, path=path)
        )
        return result

    def retrieve(
        self, batch_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> VectorStoreFileBatch:
        """A batch's status and file counts."""
        path = _path(RETRIEVE.path, "retrieve", vector_store_id, batch_id)
        result: VectorStoreFileBatch = self._client._execute(
            self._client._prepare(RETRIEVE, beta(options), raw=self._raw, path=path)
        )
        return result

    def cancel(
        self, batch_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> VectorStoreFileBatch:
        """Stop adding the batch's files that are not processed yet."""
        path = _path(CANCEL.path, "cancel", vector_store_id, batch_id)
        result: VectorStoreFileBatch = self._client._execute(
            self._client._prepare(CANCEL, beta(options), raw=self._raw, path=path)
        )
        return result

    def list_files(
        self,
        batch_id: str,
        *,
        vector_store_id: str,
        after: str | None = None,
        before: str | None = None,
        filter: str | None = None,
        limit: int | None = None,
        order: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncCursorPage[VectorStoreFile]:
        """The batch's files (``filter`` by status); iterating goes through every page."""
        path = _path(LIST_FILES[0].path, "list_files", vector_store_id, batch_id)
        query = store_query("vector_stores.file_batches.list_files", after, before, limit, order, filter)
        result: SyncCursorPage[VectorStoreFile] = sync_list(self, LIST_FILES[0], query, beta(options), path)
        return result

    def poll(
        self, batch_id: str, *, vector_store_id: str, poll_interval_ms: int | None = None
    ) -> VectorStoreFileBatch:
        """Wait until every file of the batch is processed (or the batch cancelled)."""
        result: VectorStoreFileBatch = poll(
            lambda: self.with_raw_response.retrieve(batch_id, vector_store_id=vector_store_id),
            poll_interval_ms,
        )
        return result

    def create_and_poll(
        self,
        vector_store_id: str,
        *,
        attributes: _Attributes | None = None,
        chunking_strategy: FileChunkingStrategyParam | None = None,
        file_ids: Sequence[str] | None = None,
        files: Iterable[File] | None = None,
        poll_interval_ms: int | None = None,
    ) -> VectorStoreFileBatch:
        """``create``, then ``poll`` until the batch is done."""
        batch = self.create(
            vector_store_id,
            attributes=attributes,
            chunking_strategy=chunking_strategy,
            file_ids=file_ids,
            files=files,
        )
        return self.poll(batch.id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms)


class AsyncFileBatches(AsyncResource):
    """File batches of vector stores (``AsyncClient``)."""

    async def create(
        self,
        vector_store_id: str,
        *,
        attributes: _Attributes | None = None,
        chunking_strategy: FileChunkingStrategyParam | None = None,
        file_ids: Sequence[str] | None = None,
        files: Iterable[File] | None = None,
        **options: Unpack[RequestOptions],
    ) -> VectorStoreFileBatch:
        """Add the uploaded files ``file_ids`` (or ``files``, each with its own settings)."""
        path = _path(CREATE.path, "create", vector_store_id)
        params = _create(attributes, chunking_strategy, file_ids, files, options)
        result: VectorStoreFileBatch = await self._client._execute(
            self._client._prepare(CREATE, params, raw=self._raw, path=path)
        )
        return result

    async def retrieve(
        self, batch_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> VectorStoreFileBatch:
        """A batch's status and file counts."""
        path = _path(RETRIEVE.path, "retrieve", vector_store_id, batch_id)
        result: VectorStoreFileBatch = await self._client._execute(
            self._client._prepare(RETRIEVE, beta(options), raw=self._raw, path=path)
        )
        return result

    async def cancel(
        self, batch_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> VectorStoreFileBatch:
        """Stop adding the batch's files that are not processed yet."""
        path = _path(CANCEL.path, "cancel", vector_store_id, batch_id)
        result: VectorStoreFileBatch = await self._client._execute(
            self._client._prepare(CANCEL, beta(options), raw=self._raw, path=path)
        )
        return result

    def list_files(
        self,
        batch_id: str,
        *,
        vector_store_id: str,
        after: str | None = None,
        before: str | None = None,
        filter: str | None = None,
        limit: int | None = None,
        order: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[VectorStoreFile, Any]:
        """The batch's files: ``await`` for a page, ``async for`` over every file."""
        path = _path(LIST_FILES[1].path, "list_files", vector_store_id, batch_id)
        query = store_query("vector_stores.file_batches.list_files", after, before, limit, order, filter)
        result: AsyncPaginator[VectorStoreFile, Any] = async_list(
            self, LIST_FILES[1], query, beta(options), path
        )
        return result

    async def poll(
        self, batch_id: str, *, vector_store_id: str, poll_interval_ms: int | None = None
    ) -> VectorStoreFileBatch:
        """Wait until every file of the batch is processed (or the batch cancelled)."""
        result: VectorStoreFileBatch = await apoll(
            lambda: self.with_raw_response.retrieve(batch_id, vector_store_id=vector_store_id),
            poll_interval_ms,
        )
        return result

    async def create_and_poll(
        self,
        vector_store_id: str,
        *,
        attributes: _Attributes | None = None,
        chunking_strategy: FileChunkingStrategyParam | None = None,
        file_ids: Sequence[str] | None = None,
        files: Iterable[File] | None = None,
        poll_interval_ms: int | None = None,
    ) -> VectorStoreFileBatch:
        """``create``, then ``poll`` until the batch is done."""
        batch = await self.create(
            vector_store_id,
            attributes=attributes,
            chunking_strategy=chunking_strategy,
            file_ids=file_ids,
            files=files,
        )
        return await self.poll(batch.id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms)
