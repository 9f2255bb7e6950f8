"""Model listings (``GET /models``)."""

from __future__ import annotations

from gptkit.pagination import SyncPage
from gptkit.types._base import ResponseObject

__all__ = ["Model", "ModelList"]


class Model(ResponseObject):
    """A model the API offers."""

    id: str
    object: str = "model"
    created: int | None = None
    owned_by: str | None = None


#: What ``models.list()`` returns (the older name of ``SyncPage[Model]``).
ModelList = SyncPage[Model]
