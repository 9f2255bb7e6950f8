"""Strict-mode JSON schemas from pydantic models (sans-IO, pure).

OpenAI's strict mode (``"strict": true`` on a ``json_schema`` response format or a function tool)
constrains decoding to the schema: every object lists *all* its properties in ``required`` and
sets ``additionalProperties: false`` (optional fields are nullable unions instead), and a ``$ref``
may not have sibling keywords.

The schema sent is the one the official ``openai`` package sends for the same model, key for key
and in the same order: pydantic's schema (titles, descriptions, defaults, ``$defs`` first) with
every object closed and required, ``default: null`` removed, and each ``$ref`` that has siblings
(a field's ``description`` or ``default``) replaced by the definition it names. Only where the
official form is one the API refuses does gptkit differ:

- a discriminated union's ``oneOf`` (refused: "'oneOf' is not permitted") is sent as ``anyOf``,
  which accepts the same values since the branches are disjoint by their tag;
- an ``extra="allow"`` model's ``additionalProperties: true`` is sent as ``false`` (the model will
  not add keys, which the pydantic model accepts either way);
- shapes strict mode cannot express (a dict with free keys, ``Any``, a tuple, ``allOf`` of several
  schemas, ``not``/``if``, a non-object root) raise ``StrictSchemaError`` naming the field, before
  anything is sent, where the official package sends them and the server answers 400.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Mapping
from typing import Any

import pydantic

from gptkit._exceptions import StrictSchemaError

__all__ = ["schema_name", "strict_json_schema", "to_strict_schema"]

#: Keywords that change what a value may look like and that strict mode refuses: no rewrite
#: keeps the meaning, so they are errors. (A one-element ``allOf`` is merged instead.)
_REJECT = {
    "not": "uses 'not'",
    "if": "uses 'if'/'then'/'else'",
    "then": "uses 'if'/'then'/'else'",
    "else": "uses 'if'/'then'/'else'",
    "dependentRequired": "uses 'dependentRequired'",
    "dependentSchemas": "uses 'dependentSchemas'",
    "patternProperties": "is a dict with pattern-matched keys",
    "propertyNames": "is a dict with constrained keys",
    "unevaluatedProperties": "uses 'unevaluatedProperties'",
    "unevaluatedItems": "uses 'unevaluatedItems'",
    "prefixItems": "is a tuple (strict mode has no fixed-position arrays; use a nested model)",
    "contains": "uses 'contains'",
}
_NAME_RE = re.compile(r"[^a-zA-Z0-9_-]")
_DEFS = "#/$defs/"


def schema_name(model: type[Any]) -> str:
    """A ``json_schema.name`` for a model: its class name, limited to ``[a-zA-Z0-9_-]{1,64}``."""
    name = _NAME_RE.sub("_", getattr(model, "__name__", "") or "response")[:64]
    return name or "response"


def strict_json_schema(model: type[pydantic.BaseModel]) -> dict[str, Any]:
    """The strict-mode JSON schema of a pydantic model (a fresh copy each call): the schema the
    official ``openai`` package sends for it, key for key.

    Raises ``StrictSchemaError`` naming the field when strict mode cannot express the model.
    """
    if not (isinstance(model, type) and issubclass(model, pydantic.BaseModel)):
        raise TypeError(f"expected a pydantic BaseModel subclass, got {model!r}")
    return copy.deepcopy(_cached_schema(model))


@functools.lru_cache(maxsize=512)
def _cached_schema(model: type[pydantic.BaseModel]) -> dict[str, Any]:
    try:
        raw = model.model_json_schema()
    except pydantic.errors.PydanticUserError as exc:
        raise StrictSchemaError(
            f"{model.__name__} has no JSON schema: {exc}", field=model.__name__
        ) from None
    return to_strict_schema(raw, name=model.__name__)


def to_strict_schema(schema: Mapping[str, Any], *, name: str) -> dict[str, Any]:
    """Convert a JSON schema as pydantic writes it into strict mode; ``name`` prefixes field paths.

    ``schema`` is not changed (the result is built on a copy).
    """
    _Checker(schema, name).root()
    root: dict[str, Any] = copy.deepcopy(dict(schema))
    return _tighten(root, root)


def _tighten(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Close and require every object under ``node``, in place (the official package's steps,
    in its order, so keys land where it puts them); returns the node to use in its place."""
    for defs_key in ("$defs", "definitions"):
        defs = node.get(defs_key)
        if isinstance(defs, dict):
            for definition in defs.values():
                _tighten(definition, root)
    if node.get("type") == "object" and node.get("additionalProperties", True) is True:
        node["additionalProperties"] = False
    properties = node.get("properties")
    if isinstance(properties, dict):
        node["required"] = list(properties)
        node["properties"] = {key: _tighten(value, root) for key, value in properties.items()}
    if isinstance(node.get("items"), dict):
        node["items"] = _tighten(node["items"], root)
    if isinstance(node.get("oneOf"), list):
        # The API refuses oneOf; a discriminated union's branches are disjoint, so anyOf is the
        # same set of values. Renamed where it stands, so the rest of the node keeps its order.
        branches = [*node.get("anyOf", []), *node["oneOf"]]
        renamed = {("anyOf" if key == "oneOf" else key): value
                   for key, value in node.items() if key != "anyOf"}
        node.clear()
        node.update(renamed, anyOf=branches)
    if isinstance(node.get("anyOf"), list):
        node["anyOf"] = [_tighten(branch, root) for branch in node["anyOf"]]
    all_of = node.get("allOf")
    if isinstance(all_of, list):
        if len(all_of) == 1:
            node.update(_tighten(all_of[0], root))
            del node["allOf"]
        else:
            node["allOf"] = [_tighten(part, root) for part in all_of]
    if "default" in node and node["default"] is None:
        # Nullable already, and the pydantic model defaults to None: the key says nothing.
        del node["default"]
    ref = node.get("$ref")
    if ref and len(node) > 1:
        # Strict mode refuses siblings next to ``$ref``: the definition's keys go in, after the
        # node's own (which win), and the merged node is tightened again.
        target = _resolve(root, ref)
        node.update({**target, **node})
        del node["$ref"]
        return _tighten(node, root)
    return node


def _resolve(root: dict[str, Any], ref: str) -> dict[str, Any]:
    found: Any = root
    for part in ref[2:].split("/"):
        found = found[part]
    return dict(found)


class _Checker:
    """Raises ``StrictSchemaError`` naming the field for what strict mode cannot express."""

    def __init__(self, schema: Mapping[str, Any], name: str) -> None:
        self.schema = schema
        self.name = name
        self.defs: Mapping[str, Any] = schema.get("$defs") or {}

    def fail(self, field: str, problem: str) -> StrictSchemaError:
        return StrictSchemaError(
            f"{self.name} cannot be expressed as a strict-mode JSON schema: field '{field}' {problem}.",
            field=field,
        )

    def root(self) -> None:
        top = {k: v for k, v in self.schema.items() if k != "$defs"}
        # A recursive model's schema is only ``{"$ref": "#/$defs/Self"}``: look at the definition.
        if "$ref" in top and set(top) <= {"$ref", "title", "description"}:
            top = {**self.defs[self.ref_name(top["$ref"], self.name)], **top}
            del top["$ref"]
        if top.get("type") != "object":
            raise self.fail(self.name, "is the root and must be an object (a pydantic model), "
                            f"not {top.get('type') or 'a union'}")
        self.node(top, self.name)
        for key, value in self.defs.items():
            self.node(value, key)

    def ref_name(self, ref: object, path: str) -> str:
        if not (isinstance(ref, str) and ref.startswith(_DEFS) and ref[len(_DEFS):] in self.defs):
            raise self.fail(path, f"refers to {ref!r}, which is not a local $defs entry")
        return ref[len(_DEFS):]

    def node(self, node: Any, path: str) -> None:
        if not isinstance(node, Mapping):
            raise self.fail(path, f"has a schema that is not an object ({node!r})")
        for key, problem in _REJECT.items():
            if key in node:
                raise self.fail(path, problem)
        if "allOf" in node:
            parts = node["allOf"]
            if not (isinstance(parts, list) and len(parts) == 1):
                raise self.fail(path, "uses 'allOf' with several schemas (strict mode has no intersections)")
            node = {**parts[0], **{k: v for k, v in node.items() if k != "allOf"}}
        if "$ref" in node:
            self.ref_name(node["$ref"], path)
            return
        branches = [*node.get("anyOf", ()), *node.get("oneOf", ())]
        if ("anyOf" in node or "oneOf" in node) and not branches:
            raise self.fail(path, "has an empty or malformed 'anyOf'")
        for branch in branches:
            self.node(branch, path)
        types = node.get("type")
        if types == "object" or (isinstance(types, list) and "object" in types) or "properties" in node:
            self.object(node, path)
        elif types == "array":
            if "items" not in node:
                raise self.fail(path, "is a list of any value (give the items a type)")
            self.node(node["items"], f"{path}[]")
        if not any(k in node for k in ("type", "anyOf", "oneOf", "enum", "const")):
            raise self.fail(path, "accepts any value (typing.Any or a missing annotation); give it a type")

    def object(self, node: Mapping[str, Any], path: str) -> None:
        extra = node.get("additionalProperties")
        properties = node.get("properties")
        if isinstance(extra, Mapping) and extra:
            raise self.fail(path, "is a dict with arbitrary keys (strict mode needs every key named; "
                            "use a nested model, or a list of key/value models)")
        if properties is None:
            raise self.fail(path, "is an object with arbitrary keys (dict or free-form object); "
                            "use a nested model")
        for key, value in properties.items():
            self.node(value, f"{path}.{key}")
