"""``client.embeddings``: embedding vectors, as floats unless the call asks for base64."""

from __future__ import annotations

from functools import partial
from typing import Any, Final, cast

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit._core._protocol import parse_response
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources._twin import twin
from gptkit.types.completion_params import EmbeddingCreateParams
from gptkit.types.embedding import _KEEP_BASE64, CreateEmbeddingResponse
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncEmbeddings", "EmbeddingCreateKwargs", "Embeddings"]

EMBEDDINGS = Endpoint(
    method="POST",
    path="/embeddings",
    response=CreateEmbeddingResponse,
    validator=ParamValidator(EmbeddingCreateParams, "embeddings.create"),
)
#: The same call when the caller asked for ``encoding_format="base64"``: the vectors stay strings.
EMBEDDINGS_BASE64 = Endpoint(
    method="POST",
    path="/embeddings",
    response=CreateEmbeddingResponse,
    validator=EMBEDDINGS.validator,
    parse=partial(parse_response, model=CreateEmbeddingResponse, context=_KEEP_BASE64),
)


class EmbeddingCreateKwargs(EmbeddingCreateParams, RequestOptions, total=False):
    """The keyword arguments of ``embeddings.create``."""


def _endpoint(params: dict[str, Any]) -> tuple[Endpoint, dict[str, Any]]:
    # Not asked: base64 on the wire (a third the size of a JSON float list, faster to decode),
    # floats to the caller. Asked for base64: the strings, as the official package returns them.
    if "encoding_format" not in params:
        params["encoding_format"] = "base64"
        return EMBEDDINGS, params
    return (EMBEDDINGS_BASE64 if params["encoding_format"] == "base64" else EMBEDDINGS), params


class Embeddings(SyncResource):
    """Embeddings of a ``Client``."""

    def create(self, **params: Unpack[EmbeddingCreateKwargs]) -> CreateEmbeddingResponse:
        """Embed ``input`` (a string, strings, or token arrays) with ``model``."""
        return cast(CreateEmbeddingResponse, self._send(*_endpoint(dict(params))))


class AsyncEmbeddings(AsyncResource):
    """Embeddings of an ``AsyncClient``."""

    create: Final = twin(Embeddings.create)
