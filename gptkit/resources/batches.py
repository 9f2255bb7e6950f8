"""``client.batches``: the provider's Batch API (create, retrieve, list, cancel)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, cast

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit.pagination import AsyncCursorPage, SyncCursorPage
from gptkit.resources._common import list_query
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources._twin import twin, twin_list
from gptkit.resources.files import id_path
from gptkit.types.batch import Batch, BatchCreateParams
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncBatches", "Batches"]

CREATE_BATCH = Endpoint(
    method="POST", path="/batches", response=Batch,
    validator=ParamValidator(BatchCreateParams, "batches.create"),
)
RETRIEVE_BATCH = Endpoint(method="GET", path="/batches/{batch_id}", response=Batch)
CANCEL_BATCH = Endpoint(method="POST", path="/batches/{batch_id}/cancel", response=Batch)
LIST_BATCHES = Endpoint(method="GET", path="/batches", response=SyncCursorPage[Batch])
ALIST_BATCHES = Endpoint(method="GET", path="/batches", response=AsyncCursorPage[Batch])


def _create_params(
    input_file_id: str, endpoint: str, completion_window: str, metadata: Mapping[str, str] | None,
    options: Mapping[str, Any],
) -> dict[str, Any]:
    params: dict[str, Any] = {
        "input_file_id": input_file_id, "endpoint": endpoint, "completion_window": completion_window,
    }
    if metadata is not None:
        params["metadata"] = metadata
    return {**params, **options}



class Batches(SyncResource):
    """Batch API jobs of a ``Client``."""

    def create(
        self, *, input_file_id: str, endpoint: str, completion_window: str = "24h",
        metadata: Mapping[str, str] | None = None, **options: Unpack[RequestOptions],
    ) -> Batch:
        """Start a batch over an uploaded ``purpose="batch"`` file, for one ``endpoint``."""
        params = _create_params(input_file_id, endpoint, completion_window, metadata, options)
        return cast(Batch, self._send(CREATE_BATCH, params))

    def retrieve(self, batch_id: str, **options: Unpack[RequestOptions]) -> Batch:
        """A batch's current status and request counts."""
        path = id_path(RETRIEVE_BATCH.path, "batches.retrieve", "batch_id", batch_id)
        return cast(Batch, self._send(RETRIEVE_BATCH, dict(options), path))

    def cancel(self, batch_id: str, **options: Unpack[RequestOptions]) -> Batch:
        """Ask the provider to cancel a batch (it moves to ``cancelling``, then ``cancelled``)."""
        path = id_path(CANCEL_BATCH.path, "batches.cancel", "batch_id", batch_id)
        return cast(Batch, self._send(CANCEL_BATCH, dict(options), path))

    def list(
        self, *, after: str | None = None, limit: int | None = None, **options: Unpack[RequestOptions]
    ) -> SyncCursorPage[Batch]:
        """Batches, newest first: iterating goes through every page."""
        query = list_query("batches.list", after=after, limit=limit)
        return cast("SyncCursorPage[Batch]", self._list((LIST_BATCHES, ALIST_BATCHES), query, options))


class AsyncBatches(AsyncResource):
    """Batch API jobs of an ``AsyncClient``."""

    create: Final = twin(Batches.create)
    retrieve: Final = twin(Batches.retrieve)
    cancel: Final = twin(Batches.cancel)
    list: Final = twin_list(Batches.list)
