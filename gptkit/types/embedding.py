"""``Embedding``: one input's embedding vector.

``CreateEmbeddingResponse`` and ``EmbeddingUsage`` (the official
``create_embedding_response.Usage``) are importable from here too, where gptkit kept them before.
"""

from __future__ import annotations

import base64
import sys
from array import array
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import ValidationInfo, ValidatorFunctionWrapHandler, WrapValidator

from gptkit.types._base import APIObject

if TYPE_CHECKING:
    from gptkit.types.create_embedding_response import (
        CreateEmbeddingResponse as CreateEmbeddingResponse,
    )
    from gptkit.types.create_embedding_response import Usage as EmbeddingUsage

__all__ = ["CreateEmbeddingResponse", "Embedding", "EmbeddingUsage"]

#: The validation context under which a base64 vector stays the string the server sent: what
#: a call that asked for ``encoding_format="base64"`` gets back, as from the official package.
_KEEP_BASE64: dict[str, Any] = {"embedding_base64": True}


def _decode_vector(value: object, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> object:
    """Turn a base64 vector (little-endian float32, as the API sends it) into floats, unless
    the call asked for base64 (``_KEEP_BASE64``): then it is kept as sent."""
    if isinstance(value, str):
        if info.context and info.context.get("embedding_base64"):
            return value
        floats = array("f")
        floats.frombytes(base64.b64decode(value))
        if sys.byteorder != "little":
            floats.byteswap()
        value = floats.tolist()
    return handler(value)


class Embedding(APIObject):
    """One input's embedding vector: floats, or the base64 string the server sent when the call
    asked for ``encoding_format="base64"`` (as the official package; its annotation says floats
    too). Without ``encoding_format`` gptkit asks for base64 on the wire and decodes it."""

    embedding: Annotated[list[float], WrapValidator(_decode_vector)]
    index: int = 0
    object: str = "embedding"


def __getattr__(name: str) -> Any:
    # Old import paths of the response types; resolved on use, as the response module imports
    # this one.
    if name in ("CreateEmbeddingResponse", "EmbeddingUsage"):
        from gptkit.types import create_embedding_response as module

        return module.CreateEmbeddingResponse if name == "CreateEmbeddingResponse" else module.Usage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
