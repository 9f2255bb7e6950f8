"""``Model``: a model the API offers (``GET /models``).

``ModelList`` (gptkit's page of ``models.list``) lives here too.
"""

from __future__ import annotations

from collections.abc import Iterator

from gptkit.types._base import ResponseObject

__all__ = ["Model", "ModelList"]


class Model(ResponseObject):
    """A model the API offers: its id, when it was created and who owns it."""

    id: str
    created: int | None = None
    object: str = "model"
    owned_by: str | None = None
    shutdown_date: str | None = None


class ModelList(ResponseObject):
    """The models the API offers; iterating over it yields each ``Model``."""

    data: list[Model] = []
    object: str = "list"

    def __iter__(self) -> Iterator[Model]:  # type: ignore[override]
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)
