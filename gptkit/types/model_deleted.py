"""``ModelDeleted``: the answer to deleting a fine-tuned model."""

from __future__ import annotations

from gptkit.types._base import ResponseObject

__all__ = ["ModelDeleted"]


class ModelDeleted(ResponseObject):
    """Which model was deleted, and whether it was."""

    id: str
    deleted: bool = False
    object: str = "model"
