"""Model listings (``GET /models``)."""

from __future__ import annotations

from collections.abc import Iterator

from gptkit.types._base import ResponseObject

__all__ = ["Model", "ModelList"]


class Model(ResponseObject):
    """A model the API offers."""

    id: str
    object: str = "model"
    created: int | None = None
    owned_by: str | None = None


class ModelList(ResponseObject):
    """The models the API offers; iterating over it yields each ``Model``."""

    object: str = "list"
    data: list[Model] = []

    def __iter__(self) -> Iterator[Model]:  # type: ignore[override]
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)
