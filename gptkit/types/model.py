"""``Model``: a model the API offers (``GET /models``).

``ModelList`` (gptkit's name of ``SyncPage[Model]``, what ``models.list`` returns) lives here too.
"""

from __future__ import annotations

from gptkit.pagination import SyncPage
from gptkit.types._base import ResponseObject

__all__ = ["Model", "ModelList"]


class Model(ResponseObject):
    """A model the API offers: its id, when it was created and who owns it."""

    id: str
    created: int | None = None
    object: str = "model"
    owned_by: str | None = None
    shutdown_date: str | None = None


#: What ``models.list()`` returns (the older name of ``SyncPage[Model]``).
ModelList = SyncPage[Model]
