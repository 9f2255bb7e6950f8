"""``client.vector_stores``: create, inspect, change, page through, delete and search stores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final, cast

from typing_extensions import Unpack

from gptkit.pagination import SyncCursorPage, SyncPage
from gptkit.resources._common import body_params, path_with
from gptkit.resources._resource import AsyncResource, Sub, SyncResource
from gptkit.resources._twin import twin, twin_list
from gptkit.resources.vector_stores._shared import beta, endpoint, list_endpoints, store_query
from gptkit.resources.vector_stores.file_batches import AsyncFileBatches, FileBatches
from gptkit.resources.vector_stores.files import AsyncFiles, Files
from gptkit.types.file_chunking_strategy_param import FileChunkingStrategyParam
from gptkit.types.request_options import RequestOptions
from gptkit.types.vector_store import VectorStore
from gptkit.types.vector_store_create_params import ExpiresAfter, VectorStoreCreateParams
from gptkit.types.vector_store_deleted import VectorStoreDeleted
from gptkit.types.vector_store_search_params import Filters, RankingOptions, VectorStoreSearchParams
from gptkit.types.vector_store_search_response import VectorStoreSearchResponse
from gptkit.types.vector_store_update_params import VectorStoreUpdateParams

__all__ = ["AsyncVectorStores", "VectorStores"]

_STORE = "/vector_stores/{vector_store_id}"
CREATE = endpoint("POST", "/vector_stores", VectorStore, VectorStoreCreateParams, "vector_stores.create")
RETRIEVE = endpoint("GET", _STORE, VectorStore)
UPDATE = endpoint("POST", _STORE, VectorStore, VectorStoreUpdateParams, "vector_stores.update")
DELETE = endpoint("DELETE", _STORE, VectorStoreDeleted)
LIST = list_endpoints("GET", "/vector_stores", VectorStore)
SEARCH = list_endpoints(
    "POST",
    _STORE + "/search",
    VectorStoreSearchResponse,
    cursor=False,
    params=VectorStoreSearchParams,
    call="vector_stores.search",
)


def _store(template: str, call: str, vector_store_id: str) -> str:
    return path_with(template, call, vector_store_id=vector_store_id)


def _create(
    chunking_strategy: Any,
    description: Any,
    expires_after: Any,
    file_ids: Any,
    metadata: Any,
    name: Any,
    options: RequestOptions,
) -> dict[str, Any]:
    return body_params(
        {
            "chunking_strategy": chunking_strategy,
            "description": description,
            "expires_after": expires_after,
            "file_ids": file_ids,
            "metadata": metadata,
            "name": name,
        },
        beta(options),
    )


def _search(
    vector_store_id: str,
    query: Any,
    filters: Any,
    max_num_results: Any,
    ranking_options: Any,
    rewrite_query: Any,
) -> tuple[str, dict[str, Any]]:
    path = _store(SEARCH[0].path, "vector_stores.search", vector_store_id)
    return path, body_params(
        {
            "query": query,
            "filters": filters,
            "max_num_results": max_num_results,
            "ranking_options": ranking_options,
            "rewrite_query": rewrite_query,
        },
        {},
    )


class VectorStores(SyncResource):
    """Vector stores of a ``Client`` (``AsyncVectorStores`` runs the same methods)."""

    files: Final = Sub(Files, AsyncFiles)
    """The files of a store: ``client.vector_stores.files.create(store_id, file_id=...)``."""

    file_batches: Final = Sub(FileBatches, AsyncFileBatches)
    """Batches of files added at once: ``client.vector_stores.file_batches.create(...)``."""

    def create(
        self,
        *,
        chunking_strategy: FileChunkingStrategyParam | None = None,
        description: str | None = None,
        expires_after: ExpiresAfter | None = None,
        file_ids: Sequence[str] | None = None,
        metadata: Mapping[str, str] | None = None,
        name: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> VectorStore:
        """Create a store, optionally with uploaded files (``file_ids``) to add at once."""
        params = _create(chunking_strategy, description, expires_after, file_ids, metadata, name, options)
        return cast(VectorStore, self._send(CREATE, params))

    def retrieve(self, vector_store_id: str, **options: Unpack[RequestOptions]) -> VectorStore:
        """A store's state and file counts."""
        path = _store(RETRIEVE.path, "vector_stores.retrieve", vector_store_id)
        return cast(VectorStore, self._send(RETRIEVE, beta(options), path))

    def update(
        self,
        vector_store_id: str,
        *,
        expires_after: ExpiresAfter | None = None,
        metadata: Mapping[str, str] | None = None,
        name: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> VectorStore:
        """Rename a store, or change its metadata or expiry."""
        path = _store(UPDATE.path, "vector_stores.update", vector_store_id)
        params = {"expires_after": expires_after, "metadata": metadata, "name": name}
        return cast(VectorStore, self._send(UPDATE, body_params(params, beta(options)), path))

    def list(
        self,
        *,
        after: str | None = None,
        before: str | None = None,
        limit: int | None = None,
        order: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncCursorPage[VectorStore]:
        """Stores; iterating goes through every page (async: ``await`` it for one page,
        ``async for`` over every store)."""
        query = store_query("vector_stores.list", after, before, limit, order)
        return cast("SyncCursorPage[VectorStore]", self._list(LIST, query, beta(options)))

    def delete(self, vector_store_id: str, **options: Unpack[RequestOptions]) -> VectorStoreDeleted:
        """Delete a store (its files stay in ``client.files``)."""
        path = _store(DELETE.path, "vector_stores.delete", vector_store_id)
        return cast(VectorStoreDeleted, self._send(DELETE, beta(options), path))

    def search(
        self,
        vector_store_id: str,
        *,
        query: str | Sequence[str],
        filters: Filters | None = None,
        max_num_results: int | None = None,
        ranking_options: RankingOptions | None = None,
        rewrite_query: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPage[VectorStoreSearchResponse]:
        """The chunks of the store's files that best match ``query``, best first (async:
        ``await`` for the page)."""
        path, body = _search(vector_store_id, query, filters, max_num_results, ranking_options, rewrite_query)
        return cast("SyncPage[VectorStoreSearchResponse]", self._list(SEARCH, {}, beta(options), path, body))


class AsyncVectorStores(AsyncResource):
    """Vector stores of an ``AsyncClient``: ``VectorStores``'s methods, awaited."""

    files: Final = Sub(Files, AsyncFiles)
    """The files of a store: ``await client.vector_stores.files.create(store_id, file_id=...)``."""

    file_batches: Final = Sub(FileBatches, AsyncFileBatches)
    """Batches of files added at once: ``await client.vector_stores.file_batches.create(...)``."""

    create: Final = twin(VectorStores.create)
    retrieve: Final = twin(VectorStores.retrieve)
    update: Final = twin(VectorStores.update)
    list: Final = twin_list(VectorStores.list)
    delete: Final = twin(VectorStores.delete)
    search: Final = twin_list(VectorStores.search)
