"""Unions discriminated by ``type`` whose members load when a value of their kind first arrives.

A response's ``output`` may hold any of some thirty kinds of item, and its ``tools`` any of
twenty kinds of tool: importing every member's module and compiling the whole union's validator
is most of what a program's first ``responses.create`` costs (issue 19), while a typical response
holds only messages and no tools. A field annotated ``Annotated[Any, LazyUnion(...)]`` validates
each value with the member its ``type`` names, imported and compiled on the first value of that
kind (``members``: the common kinds, each in a light module); any other value goes to the whole
union (``union``), imported and compiled then. Either way the value is validated as the whole
union would: the same member model, the same errors at the same locations (the member's tag
included, as pydantic's tagged unions report it). Type checkers see the eager union instead
(``TYPE_CHECKING``), and the members listed here are checked against it by
``tests/test_lazy_union.py``.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

from pydantic_core import core_schema

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, TypeAdapter
    from pydantic.json_schema import JsonSchemaValue

__all__ = ["LazyUnion", "lazy_union"]


def _load(path: str) -> Any:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


class _Tagged:
    """One member as the whole union validates it: a tagged union of that member alone, so its
    errors carry the tag in their location, as the whole union's do."""

    def __init__(self, tag: str, model: type[Any]) -> None:
        self._tag = tag
        self._model = model

    def __get_pydantic_core_schema__(self, _: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        tag = self._tag
        return core_schema.tagged_union_schema(
            {tag: handler.generate_schema(self._model)}, discriminator=lambda _value: tag
        )


class LazyUnion:
    """The validator of a field holding ``union`` (``"module:Name"``), loading its members on use.

    ``members`` maps common ``type`` values to their model (``"module:Class"``): exactly the
    member the union picks for that ``type``.
    """

    def __init__(self, union: str, members: Mapping[str, str]) -> None:
        self.union_path = union
        self.members = dict(members)
        self._adapters: dict[str | None, TypeAdapter[Any]] = {}
        self._lock = threading.Lock()

    def union(self) -> Any:
        """The whole union, as type checkers see the field (imported now)."""
        return _load(self.union_path)

    def _adapter(self, kind: str | None) -> TypeAdapter[Any]:
        from pydantic import TypeAdapter  # with the first value, not with the model's module

        with self._lock:
            adapter = self._adapters.get(kind)
            if adapter is None:
                if kind is None:
                    adapter = TypeAdapter(self.union())
                else:
                    adapter = TypeAdapter(Annotated[Any, _Tagged(kind, _load(self.members[kind]))])
                self._adapters[kind] = adapter
            return adapter

    def _validate(self, value: Any, info: core_schema.ValidationInfo) -> Any:
        # The union's own discriminator (``by_type``) reads ``type`` the same way; a kind listed
        # here is one the union knows, so it picks this same member.
        kind = value.get("type") if isinstance(value, Mapping) else getattr(value, "type", None)
        key = kind if isinstance(kind, str) and kind in self.members else None
        adapter = self._adapters.get(key)
        if adapter is None:
            adapter = self._adapter(key)
        return adapter.validate_python(value, context=info.context)

    def __get_pydantic_core_schema__(self, _: Any, __: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.with_info_plain_validator_function(self._validate)

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return handler(self._adapter(None).core_schema)

    def __repr__(self) -> str:
        return f"LazyUnion({self.union_path!r})"


def lazy_union(union: str, members: Mapping[str, str]) -> Any:
    """A field annotation validating as ``union`` with ``members`` loaded on use (``LazyUnion``)."""
    return Annotated[Any, LazyUnion(union, members)]
