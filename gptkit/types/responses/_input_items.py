"""``Response.instructions`` given as a list: its items typed as ``ResponseInputItem``, built late.

The item union has some thirty members; building it into ``Response``'s validator would make
every first Responses call pay for it (``tests/test_cold_start.py``). So the field is declared as
a plain list, and this marker converts a non-empty list through an adapter made on first need.
As with the official package, a list with an item no member accepts stays as the API sent it.
"""

from __future__ import annotations

import threading
from typing import Any

import pydantic
from pydantic_core import core_schema

__all__ = ["InputItems"]

_lock = threading.Lock()
_adapter: pydantic.TypeAdapter[list[Any]] | None = None


def _items_adapter() -> pydantic.TypeAdapter[list[Any]]:
    global _adapter
    with _lock:
        if _adapter is None:
            _adapter = pydantic.TypeAdapter(InputItems.annotation())
        return _adapter


class InputItems:
    """``Annotated`` metadata: validate a list of input items lazily."""

    __slots__ = ()

    @staticmethod
    def annotation() -> Any:
        """The list's real type, ``list[ResponseInputItem]`` (imported now)."""
        from gptkit.types.responses.response_input_item import ResponseInputItem

        return list[ResponseInputItem]

    def __get_pydantic_core_schema__(self, source: Any, handler: pydantic.GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_after_validator_function(_convert, handler(source))


def _convert(value: Any) -> Any:
    if not isinstance(value, list) or not value:
        return value
    try:
        return _items_adapter().validate_python(value)
    except pydantic.ValidationError:
        return value
