"""The parameters of ``vector_stores.update``."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

from gptkit.types.vector_store_create_params import ExpiresAfter

__all__ = ["ExpiresAfter", "VectorStoreUpdateParams"]


@with_config(ConfigDict(extra="forbid"))
class VectorStoreUpdateParams(TypedDict, total=False):
    """What ``vector_stores.update`` may change."""

    expires_after: ExpiresAfter | None
    metadata: Mapping[str, str] | None
    name: str | None
