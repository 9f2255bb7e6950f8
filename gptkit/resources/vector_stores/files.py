"""``client.vector_stores.files``: add uploaded files to a store, inspect, update, list, remove."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, cast

from typing_extensions import Unpack

from gptkit.pagination import SyncCursorPage, SyncPage
from gptkit.resources._common import FileTypes, body_params, path_with
from gptkit.resources._resource import AsyncResource, Steps, SyncResource
from gptkit.resources._twin import twin, twin_list
from gptkit.resources.vector_stores._poll import poll
from gptkit.resources.vector_stores._shared import beta, endpoint, list_endpoints, store_query
from gptkit.types.file_chunking_strategy_param import FileChunkingStrategyParam
from gptkit.types.request_options import RequestOptions
from gptkit.types.vector_stores.file_content_response import FileContentResponse
from gptkit.types.vector_stores.file_create_params import FileCreateParams
from gptkit.types.vector_stores.file_update_params import FileUpdateParams
from gptkit.types.vector_stores.vector_store_file import VectorStoreFile
from gptkit.types.vector_stores.vector_store_file_deleted import VectorStoreFileDeleted

__all__ = ["AsyncFiles", "Files"]

_FILES = "/vector_stores/{vector_store_id}/files"
_FILE = _FILES + "/{file_id}"
CREATE = endpoint("POST", _FILES, VectorStoreFile, FileCreateParams, "vector_stores.files.create")
RETRIEVE = endpoint("GET", _FILE, VectorStoreFile)
UPDATE = endpoint("POST", _FILE, VectorStoreFile, FileUpdateParams, "vector_stores.files.update")
DELETE = endpoint("DELETE", _FILE, VectorStoreFileDeleted)
LIST = list_endpoints("GET", _FILES, VectorStoreFile)
CONTENT = list_endpoints("GET", _FILE + "/content", FileContentResponse, cursor=False)
_Attributes = Mapping[str, str | float | bool]


def _path(template: str, call: str, vector_store_id: str, file_id: str | None = None) -> str:
    ids = (
        {"vector_store_id": vector_store_id}
        if file_id is None
        else {"vector_store_id": vector_store_id, "file_id": file_id}
    )
    return path_with(template, f"vector_stores.files.{call}", **ids)


class Files(SyncResource):
    """The files of vector stores (``Client``; ``AsyncFiles`` runs the same methods)."""

    def create(
        self,
        vector_store_id: str,
        *,
        file_id: str,
        attributes: _Attributes | None = None,
        chunking_strategy: FileChunkingStrategyParam | None = None,
        **options: Unpack[RequestOptions],
    ) -> VectorStoreFile:
        """Add the uploaded file ``file_id`` to a store (it is chunked and embedded there)."""
        params = {"file_id": file_id, "attributes": attributes, "chunking_strategy": chunking_strategy}
        path = _path(CREATE.path, "create", vector_store_id)
        return cast(VectorStoreFile, self._send(CREATE, body_params(params, beta(options)), path))

    def retrieve(
        self, file_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> VectorStoreFile:
        """A store file's processing status."""
        path = _path(RETRIEVE.path, "retrieve", vector_store_id, file_id)
        return cast(VectorStoreFile, self._send(RETRIEVE, beta(options), path))

    def update(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        attributes: _Attributes | None,
        **options: Unpack[RequestOptions],
    ) -> VectorStoreFile:
        """Replace a store file's attributes (what ``search`` filters on)."""
        path = _path(UPDATE.path, "update", vector_store_id, file_id)
        return cast(VectorStoreFile, self._send(UPDATE, {"attributes": attributes, **beta(options)}, path))

    def list(
        self,
        vector_store_id: str,
        *,
        after: str | None = None,
        before: str | None = None,
        filter: str | None = None,
        limit: int | None = None,
        order: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncCursorPage[VectorStoreFile]:
        """A store's files (``filter`` by status); iterating goes through every page (async:
        ``await`` for a page, ``async for`` over all)."""
        path = _path(LIST[0].path, "list", vector_store_id)
        query = store_query("vector_stores.files.list", after, before, limit, order, filter)
        return cast("SyncCursorPage[VectorStoreFile]", self._list(LIST, query, beta(options), path))

    def delete(
        self, file_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> VectorStoreFileDeleted:
        """Remove a file from a store (the file itself stays in ``client.files``)."""
        path = _path(DELETE.path, "delete", vector_store_id, file_id)
        return cast(VectorStoreFileDeleted, self._send(DELETE, beta(options), path))

    def content(
        self, file_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> SyncPage[FileContentResponse]:
        """The text the store extracted from a file (async: ``await`` it for the page)."""
        path = _path(CONTENT[0].path, "content", vector_store_id, file_id)
        return cast("SyncPage[FileContentResponse]", self._list(CONTENT, {}, beta(options), path))

    def poll(
        self, file_id: str, *, vector_store_id: str, poll_interval_ms: int | None = None
    ) -> VectorStoreFile:
        """Wait until the file is processed (``completed``, ``failed`` or ``cancelled``)."""
        retrieve = lambda: self.with_raw_response.retrieve(file_id, vector_store_id=vector_store_id)  # noqa: E731
        return self._steps(poll(self, retrieve, poll_interval_ms))  # type: ignore[no-any-return]

    def create_and_poll(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        attributes: _Attributes | None = None,
        poll_interval_ms: int | None = None,
        chunking_strategy: FileChunkingStrategyParam | None = None,
    ) -> VectorStoreFile:
        """``create``, then ``poll`` until the file is processed."""
        return self._steps(_create_and_poll(self, file_id, vector_store_id, attributes, poll_interval_ms,
                                            chunking_strategy))

    def upload(
        self,
        *,
        vector_store_id: str,
        file: FileTypes,
        chunking_strategy: FileChunkingStrategyParam | None = None,
    ) -> VectorStoreFile:
        """Upload ``file`` (purpose ``assistants``) and add it to the store."""
        return self._steps(_upload(self, vector_store_id, file, None, None, chunking_strategy, poll=False))

    def upload_and_poll(
        self,
        *,
        vector_store_id: str,
        file: FileTypes,
        attributes: _Attributes | None = None,
        poll_interval_ms: int | None = None,
        chunking_strategy: FileChunkingStrategyParam | None = None,
    ) -> VectorStoreFile:
        """``upload``, then ``poll`` until the file is processed."""
        return self._steps(
            _upload(self, vector_store_id, file, attributes, poll_interval_ms, chunking_strategy, poll=True)
        )


class AsyncFiles(AsyncResource):
    """The files of vector stores (``AsyncClient``): ``Files``'s methods, awaited."""

    create: Final = twin(Files.create)
    retrieve: Final = twin(Files.retrieve)
    update: Final = twin(Files.update)
    list: Final = twin_list(Files.list)
    delete: Final = twin(Files.delete)
    content: Final = twin_list(Files.content)
    poll: Final = twin(Files.poll)
    create_and_poll: Final = twin(Files.create_and_poll)
    upload: Final = twin(Files.upload)
    upload_and_poll: Final = twin(Files.upload_and_poll)


# The steps of the methods of several calls. ``resource`` is a ``Files`` or an ``AsyncFiles``: typed
# as the first, whose calls give their results; ``AsyncResource._steps`` awaits the second's.


def _create_and_poll(
    resource: Files, file_id: str, vector_store_id: str, attributes: _Attributes | None,
    poll_interval_ms: int | None, chunking_strategy: FileChunkingStrategyParam | None,
) -> Steps[VectorStoreFile]:
    yield resource.create(vector_store_id, file_id=file_id, attributes=attributes,
                          chunking_strategy=chunking_strategy)
    done = yield resource.poll(file_id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms)
    return cast(VectorStoreFile, done)


def _upload(
    resource: Files, vector_store_id: str, file: FileTypes, attributes: _Attributes | None,
    poll_interval_ms: int | None, chunking_strategy: FileChunkingStrategyParam | None, *, poll: bool,
) -> Steps[VectorStoreFile]:
    uploaded = yield resource._client.files.create(file=cast("Any", file), purpose="assistants")
    if poll:
        done = yield resource.create_and_poll(
            uploaded.id, vector_store_id=vector_store_id, attributes=attributes,
            poll_interval_ms=poll_interval_ms, chunking_strategy=chunking_strategy,
        )
    else:
        done = yield resource.create(vector_store_id, file_id=uploaded.id,
                                     chunking_strategy=chunking_strategy)
    return cast(VectorStoreFile, done)
