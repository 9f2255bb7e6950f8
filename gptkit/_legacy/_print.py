"""Pre-1.0 printing: what the module-level API returns prints as JSON, as ``OpenAIObject`` did.

The pre-1.0 package's objects were dicts: ``print(response)`` showed the JSON the server sent
(indented by two spaces) and ``repr`` prefixed it with ``<OpenAIObject chat.completion
id=... at 0x...> JSON:``. Today's typed objects print as ``ChatCompletion(id=..., ...)``, so the
legacy calls hand out the same objects with their classes swapped for twins that print the old
way. Everything else about them (fields, dict-style access, ``cost``, ``isinstance``) is
unchanged: a twin is a subclass with no fields of its own.
"""

from __future__ import annotations

import json
from typing import TypeVar

from gptkit.types._base import APIObject

__all__ = ["as_legacy"]

#: The pre-1.0 class names of objects by their ``object`` field; anything else was an
#: ``OpenAIObject``.
_OLD_NAMES = {"model": "Model", "file": "File", "engine": "Engine", "fine-tune": "FineTune",
              "fine_tuning.job": "FineTuningJob", "deployment": "Deployment"}


class _PrintsAsJSON:
    __slots__ = ()

    def __str__(self) -> str:
        data = self.to_dict()  # type: ignore[attr-defined]
        return json.dumps(data, indent=2)

    def __repr__(self) -> str:
        kind = getattr(self, "object", None)
        parts = [_OLD_NAMES.get(kind, "OpenAIObject") if isinstance(kind, str) else "OpenAIObject"]
        if isinstance(kind, str):
            parts.append(kind)
        ident = getattr(self, "id", None)
        if isinstance(ident, str):
            parts.append(f"id={ident}")
        return f"<{' '.join(parts)} at {hex(id(self))}> JSON: {self}"


T = TypeVar("T")

_TWINS: dict[type[APIObject], type[APIObject]] = {}


def _twin(cls: type[APIObject]) -> type[APIObject]:
    twin = _TWINS.get(cls)
    if twin is None:
        if issubclass(cls, _PrintsAsJSON):
            return cls
        made = type(cls.__name__, (_PrintsAsJSON, cls), {"__module__": cls.__module__,
                                                          "__qualname__": cls.__qualname__})
        twin = _TWINS.setdefault(cls, made)
    return twin


def as_legacy(value: T) -> T:
    """``value`` (a response object, or a list of them), its objects now printing as pre-1.0 did."""
    if isinstance(value, APIObject):
        object.__setattr__(value, "__class__", _twin(type(value)))
        fields = value.__dict__
        for name in type(value).model_fields:
            item = fields.get(name)
            if item is not None:
                as_legacy(item)
    elif isinstance(value, list):
        for item in value:
            as_legacy(item)
    return value
