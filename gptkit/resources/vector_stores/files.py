"""``client.vector_stores.files``: add uploaded files to a store, inspect, update, list, remove."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from typing_extensions import Unpack

from gptkit.pagination import AsyncPaginator, SyncCursorPage, SyncPage
from gptkit.resources._common import FileTypes, async_list, body_params, path_with, sync_list
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources.vector_stores._poll import apoll, poll
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
    """The files of vector stores (``Client``)."""

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
        params = body_params(
            {"file_id": file_id, "attributes": attributes, "chunking_strategy": chunking_strategy},
            beta(options),
        )
        path = _path(CREATE.path, "create", vector_store_id)
        result: VectorStoreFile = self._client._execute(
            self._client._prepare(CREATE, params, raw=self._raw, path=path)
        )
        return result

    def retrieve(
        self, file_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> VectorStoreFile:
        """A store file's processing status."""
        path = _path(RETRIEVE.path, "retrieve", vector_store_id, file_id)
        result: VectorStoreFile = self._client._execute(
            self._client._prepare(RETRIEVE, beta(options), raw=self._raw, path=path)
        )
        return result

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
        params = {"attributes": attributes, **beta(options)}
        result: VectorStoreFile = self._client._execute(
            self._client._prepare(UPDATE, params, raw=self._raw, path=path)
        )
        return result

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
        """A store's files (``filter`` by status); iterating goes through every page."""
        path = _path(LIST[0].path, "list", vector_store_id)
        query = store_query("vector_stores.files.list", after, before, limit, order, filter)
        result: SyncCursorPage[VectorStoreFile] = sync_list(self, LIST[0], query, beta(options), path)
        return result

    def delete(
        self, file_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> VectorStoreFileDeleted:
        """Remove a file from a store (the file itself stays in ``client.files``)."""
        path = _path(DELETE.path, "delete", vector_store_id, file_id)
        result: VectorStoreFileDeleted = self._client._execute(
            self._client._prepare(DELETE, beta(options), raw=self._raw, path=path)
        )
        return result

    def content(
        self, file_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> SyncPage[FileContentResponse]:
        """The text the store extracted from a file."""
        path = _path(CONTENT[0].path, "content", vector_store_id, file_id)
        result: SyncPage[FileContentResponse] = sync_list(self, CONTENT[0], {}, beta(options), path)
        return result

    def poll(
        self, file_id: str, *, vector_store_id: str, poll_interval_ms: int | None = None
    ) -> VectorStoreFile:
        """Wait until the file is processed (``completed``, ``failed`` or ``cancelled``)."""
        result: VectorStoreFile = poll(
            lambda: self.with_raw_response.retrieve(file_id, vector_store_id=vector_store_id),
            poll_interval_ms,
        )
        return result

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
        self.create(
            vector_store_id, file_id=file_id, attributes=attributes, chunking_strategy=chunking_strategy
        )
        return self.poll(file_id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms)

    def upload(
        self,
        *,
        vector_store_id: str,
        file: FileTypes,
        chunking_strategy: FileChunkingStrategyParam | None = None,
    ) -> VectorStoreFile:
        """Upload ``file`` (purpose ``assistants``) and add it to the store."""
        uploaded = self._client.files.create(file=cast("Any", file), purpose="assistants")
        return self.create(vector_store_id, file_id=uploaded.id, chunking_strategy=chunking_strategy)

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
        uploaded = self._client.files.create(file=cast("Any", file), purpose="assistants")
        return self.create_and_poll(
            uploaded.id,
            vector_store_id=vector_store_id,
            attributes=attributes,
            poll_interval_ms=poll_interval_ms,
            chunking_strategy=chunking_strategy,
        )


class AsyncFiles(AsyncResource):
    """The files of vector stores (``AsyncClient``)."""

    async def create(
        self,
        vector_store_id: str,
        *,
        file_id: str,
        attributes: _Attributes | None = None,
        chunking_strategy: FileChunkingStrategyParam | None = None,
        **options: Unpack[RequestOptions],
    ) -> VectorStoreFile:
        """Add the uploaded file ``file_id`` to a store (it is chunked and embedded there)."""
        params = body_params(
            {"file_id": file_id, "attributes": attributes, "chunking_strategy": chunking_strategy},
            beta(options),
        )
        path = _path(CREATE.path, "create", vector_store_id)
        result: VectorStoreFile = await self._client._execute(
            self._client._prepare(CREATE, params, raw=self._raw, path=path)
        )
        return result

    async def retrieve(
        self, file_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> VectorStoreFile:
        """A store file's processing status."""
        path = _path(RETRIEVE.path, "retrieve", vector_store_id, file_id)
        result: VectorStoreFile = await self._client._execute(
            self._client._prepare(RETRIEVE, beta(options), raw=self._raw, path=path)
        )
        return result

    async def update(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        attributes: _Attributes | None,
        **options: Unpack[RequestOptions],
    ) -> VectorStoreFile:
        """Replace a store file's attributes (what ``search`` filters on)."""
        path = _path(UPDATE.path, "update", vector_store_id, file_id)
        params = {"attributes": attributes, **beta(options)}
        result: VectorStoreFile = await self._client._execute(
            self._client._prepare(UPDATE, params, raw=self._raw, path=path)
        )
        return result

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
    ) -> AsyncPaginator[VectorStoreFile, Any]:
        """A store's files (``filter`` by status): ``await`` for a page, ``async for`` over all."""
        path = _path(LIST[1].path, "list", vector_store_id)
        query = store_query("vector_stores.files.list", after, before, limit, order, filter)
        result: AsyncPaginator[VectorStoreFile, Any] = async_list(self, LIST[1], query, beta(options), path)
        return result

    async def delete(
        self, file_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> VectorStoreFileDeleted:
        """Remove a file from a store (the file itself stays in ``client.files``)."""
        path = _path(DELETE.path, "delete", vector_store_id, file_id)
        result: VectorStoreFileDeleted = await self._client._execute(
            self._client._prepare(DELETE, beta(options), raw=self._raw, path=path)
        )
        return result

    def content(
        self, file_id: str, *, vector_store_id: str, **options: Unpack[RequestOptions]
    ) -> AsyncPaginator[FileContentResponse, Any]:
        """The text the store extracted from a file: ``await`` it for the page."""
        path = _path(CONTENT[1].path, "content", vector_store_id, file_id)
        result: AsyncPaginator[FileContentResponse, Any] = async_list(
            self, CONTENT[1], {}, beta(options), path
        )
        return result

    async def poll(
        self, file_id: str, *, vector_store_id: str, poll_interval_ms: int | None = None
    ) -> VectorStoreFile:
        """Wait until the file is processed (``completed``, ``failed`` or ``cancelled``)."""
        result: VectorStoreFile = await apoll(
            lambda: self.with_raw_response.retrieve(file_id, vector_store_id=vector_store_id),
            poll_interval_ms,
        )
        return result

    async def create_and_poll(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        attributes: _Attributes | None = None,
        poll_interval_ms: int | None = None,
        chunking_strategy: FileChunkingStrategyParam | None = None,
    ) -> VectorStoreFile:
        """``create``, then ``poll`` until the file is processed."""
        await self.create(
            vector_store_id, file_id=file_id, attributes=attributes, chunking_strategy=chunking_strategy
        )
        return await self.poll(file_id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms)

    async def upload(
        self,
        *,
        vector_store_id: str,
        file: FileTypes,
        chunking_strategy: FileChunkingStrategyParam | None = None,
    ) -> VectorStoreFile:
        """Upload ``file`` (purpose ``assistants``) and add it to the store."""
        uploaded = await self._client.files.create(file=cast("Any", file), purpose="assistants")
        return await self.create(vector_store_id, file_id=uploaded.id, chunking_strategy=chunking_strategy)

    async def upload_and_poll(
        self,
        *,
        vector_store_id: str,
        file: FileTypes,
        attributes: _Attributes | None = None,
        poll_interval_ms: int | None = None,
        chunking_strategy: FileChunkingStrategyParam | None = None,
    ) -> VectorStoreFile:
        """``upload``, then ``poll`` until the file is processed."""
        uploaded = await self._client.files.create(file=cast("Any", file), purpose="assistants")
        return await self.create_and_poll(
            uploaded.id,
            vector_store_id=vector_store_id,
            attributes=attributes,
            poll_interval_ms=poll_interval_ms,
            chunking_strategy=chunking_strategy,
        )
