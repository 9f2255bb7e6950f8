"""``client.models``: list and look up the models the API offers; delete fine-tuned ones."""

from __future__ import annotations

from typing import Final, cast
from urllib.parse import quote

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._exceptions import InvalidParameterError
from gptkit.pagination import AsyncPage, SyncPage
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources._twin import twin, twin_list
from gptkit.types.model import Model
from gptkit.types.model_deleted import ModelDeleted
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncModels", "Models"]

LIST_MODELS = Endpoint(method="GET", path="/models", response=SyncPage[Model])
ALIST_MODELS = Endpoint(method="GET", path="/models", response=AsyncPage[Model])
RETRIEVE_MODEL = Endpoint(method="GET", path="/models/{model}", response=Model)
DELETE_MODEL = Endpoint(method="DELETE", path="/models/{model}", response=ModelDeleted)


def _model_path(model: str, call: str = "models.retrieve") -> str:
    if not isinstance(model, str) or not model:
        raise InvalidParameterError(
            f"Invalid parameter for {call}: 'model' must be a non-empty string, not {model!r}",
            param="model", errors=[("model", "must be a non-empty string")],
        )
    return "/models/" + quote(model, safe="")


class Models(SyncResource):
    """Models of a ``Client``."""

    def list(self, **options: Unpack[RequestOptions]) -> SyncPage[Model]:
        """Every model the API offers; iterate over the result to get each ``Model``."""
        return cast("SyncPage[Model]", self._list((LIST_MODELS, ALIST_MODELS), {}, options))

    def retrieve(self, model: str, **options: Unpack[RequestOptions]) -> Model:
        """One model by its id."""
        path = _model_path(model)
        return cast(Model, self._send(RETRIEVE_MODEL, dict(options), path))

    def delete(self, model: str, **options: Unpack[RequestOptions]) -> ModelDeleted:
        """Delete a fine-tuned model (the organization's Owner role is needed)."""
        path = _model_path(model, "models.delete")
        return cast(ModelDeleted, self._send(DELETE_MODEL, dict(options), path))


class AsyncModels(AsyncResource):
    """Models of an ``AsyncClient``."""

    list: Final = twin_list(Models.list)
    retrieve: Final = twin(Models.retrieve)
    delete: Final = twin(Models.delete)
