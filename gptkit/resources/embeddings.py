"""``client.embeddings``: embedding vectors, always returned as floats."""

from __future__ import annotations

from typing import Any, cast

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.types.completion_params import EmbeddingCreateParams
from gptkit.types.embedding import CreateEmbeddingResponse
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncEmbeddings", "EmbeddingCreateKwargs", "Embeddings"]

EMBEDDINGS = Endpoint(
    method="POST",
    path="/embeddings",
    response=CreateEmbeddingResponse,
    validator=ParamValidator(EmbeddingCreateParams, "embeddings.create"),
)


class EmbeddingCreateKwargs(EmbeddingCreateParams, RequestOptions, total=False):
    """The keyword arguments of ``embeddings.create``."""


def _with_wire_encoding(params: dict[str, Any]) -> dict[str, Any]:
    # base64 is a third the size of a JSON float list and decodes faster; vectors reach the
    # caller as floats either way.
    if "encoding_format" not in params:
        params["encoding_format"] = "base64"
    return params


class Embeddings(SyncResource):
    """Embeddings of a ``Client``."""

    def create(self, **params: Unpack[EmbeddingCreateKwargs]) -> CreateEmbeddingResponse:
        """Embed ``input`` (a string, strings, or token arrays) with ``model``."""
        return cast(CreateEmbeddingResponse, self._send(EMBEDDINGS, _with_wire_encoding(dict(params))))


class AsyncEmbeddings(AsyncResource):
    """Embeddings of an ``AsyncClient``."""

    async def create(self, **params: Unpack[EmbeddingCreateKwargs]) -> CreateEmbeddingResponse:
        """Embed ``input`` (a string, strings, or token arrays) with ``model``."""
        return cast(CreateEmbeddingResponse, await self._send(EMBEDDINGS, _with_wire_encoding(dict(params))))
