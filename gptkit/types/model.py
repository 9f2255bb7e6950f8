"""Model listings (``GET /models``)."""

from __future__ import annotations

from collections.abc import Iterator

from gptkit.types._base import APIObject

__all__ = ["Model", "ModelList"]


class Model(APIObject):
    """A model the API offers."""

    id: str
    object: str = "model"
    created: int | None = None
    owned_by: str | None = None


class ModelList(APIObject):
    """The models the API offers; iterating over it yields each ``Model``."""

    object: str = "list"
    data: list[Model] = []

    def __iter__(self) -> Iterator[Model]:  # type: ignore[override]
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)
