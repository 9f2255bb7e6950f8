"""``client.vector_stores.file_batches``: add many uploaded files to a store at once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, cast

from typing_extensions import Unpack

from gptkit.pagination import SyncCursorPage
from gptkit.resources._common import body_params, path_with
from gptkit.resources._resource import AsyncResource, Steps, SyncResource
from gptkit.resources._twin import twin, twin_list
from gptkit.resources.vector_stores._poll import poll
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
    """File batches of vector stores (``Client``; ``AsyncFileBatches`` runs the same methods)."""

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
        return cast(VectorStoreFileBatch, self._send(CREATE, params, path))

    def retrieve(
        self, batch_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> VectorStoreFileBatch:
        """A batch's status and file counts."""
        path = _path(RETRIEVE.path, "retrieve", vector_store_id, batch_id)
        return cast(VectorStoreFileBatch, self._send(RETRIEVE, beta(options), path))

    def cancel(
        self, batch_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> VectorStoreFileBatch:
        """Stop adding the batch's files that are not processed yet."""
        path = _path(CANCEL.path, "cancel", vector_store_id, batch_id)
        return cast(VectorStoreFileBatch, self._send(CANCEL, beta(options), path))

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
        """The batch's files (``filter`` by status); iterating goes through every page (async:
        ``await`` for a page, ``async for`` over every file)."""
        path = _path(LIST_FILES[0].path, "list_files", vector_store_id, batch_id)
        query = store_query("vector_stores.file_batches.list_files", after, before, limit, order, filter)
        return cast("SyncCursorPage[VectorStoreFile]", self._list(LIST_FILES, query, beta(options), path))

    def poll(
        self, batch_id: str, *, vector_store_id: str, poll_interval_ms: int | None = None
    ) -> VectorStoreFileBatch:
        """Wait until every file of the batch is processed (or the batch cancelled)."""
        retrieve = lambda: self.with_raw_response.retrieve(batch_id, vector_store_id=vector_store_id)  # noqa: E731
        return self._steps(poll(self, retrieve, poll_interval_ms))  # type: ignore[no-any-return]

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
        steps = _create_and_poll(self, vector_store_id, attributes, chunking_strategy, file_ids, files,
                                 poll_interval_ms)
        return self._steps(steps)


class AsyncFileBatches(AsyncResource):
    """File batches of vector stores (``AsyncClient``): ``FileBatches``'s methods, awaited."""

    create: Final = twin(FileBatches.create)
    retrieve: Final = twin(FileBatches.retrieve)
    cancel: Final = twin(FileBatches.cancel)
    list_files: Final = twin_list(FileBatches.list_files)
    poll: Final = twin(FileBatches.poll)
    create_and_poll: Final = twin(FileBatches.create_and_poll)


def _create_and_poll(
    resource: FileBatches, vector_store_id: str, attributes: _Attributes | None,
    chunking_strategy: FileChunkingStrategyParam | None, file_ids: Sequence[str] | None,
    files: Iterable[File] | None, poll_interval_ms: int | None,
) -> Steps[VectorStoreFileBatch]:
    # ``resource`` may be an ``AsyncFileBatches``: its ``_steps`` awaits each call yielded here.
    batch = yield resource.create(vector_store_id, attributes=attributes, chunking_strategy=chunking_strategy,
                                  file_ids=file_ids, files=files)
    done = yield resource.poll(batch.id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms)
    return cast(VectorStoreFileBatch, done)
