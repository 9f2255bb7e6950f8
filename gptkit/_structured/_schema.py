"""Strict-mode JSON schemas from pydantic models (sans-IO, pure).

OpenAI's strict mode (``"strict": true`` on a ``json_schema`` response format or a function tool)
constrains decoding to the schema, and so accepts only a subset of JSON Schema:

- the root is an object (not ``anyOf``); every object lists *all* its properties in ``required``
  and sets ``additionalProperties: false`` — optional fields are nullable unions instead;
- types: string, number, integer, boolean, object, array, null, ``enum``, ``const``, ``anyOf``;
  ``$defs`` with ``$ref`` (recursion included);
- constraints: string ``pattern`` and ``format`` (a fixed list), number ``minimum`` /
  ``maximum`` / ``exclusiveMinimum`` / ``exclusiveMaximum`` / ``multipleOf``, array
  ``minItems`` / ``maxItems``;
- not allowed: ``allOf``, ``not``, ``if``/``then``/``else``, ``dependent*``, ``patternProperties``,
  ``propertyNames``, ``unevaluated*``, ``prefixItems`` (tuples), ``contains``.

What this module does with a pydantic schema: keywords that only annotate or constrain
(``default``, ``title``, ``examples``, ``minLength``, ``maxLength``, ``uniqueItems``, unsupported
formats, ...) are dropped, because the reply is validated by the pydantic model anyway, so those
constraints are still enforced on receipt. Shapes strict mode cannot express (a dict with free
keys, ``Any``, a tuple, ``allOf`` of several schemas, a non-object root) raise
``StrictSchemaError`` naming the field, before anything is sent.
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

#: Keywords kept as they are (their sub-schemas are converted in place).
_KEEP = frozenset({
    "type", "description", "enum", "const", "pattern",
    "multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
})
#: String formats strict mode accepts; other formats are dropped (pydantic still checks them).
_FORMATS = frozenset({"date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"})
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


def schema_name(model: type[Any]) -> str:
    """A ``json_schema.name`` for a model: its class name, limited to ``[a-zA-Z0-9_-]{1,64}``."""
    name = _NAME_RE.sub("_", getattr(model, "__name__", "") or "response")[:64]
    return name or "response"


def strict_json_schema(model: type[pydantic.BaseModel]) -> dict[str, Any]:
    """The strict-mode JSON schema of a pydantic model (a fresh copy each call).

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
    """Convert a JSON schema as pydantic writes it into strict mode; ``name`` prefixes field paths."""
    return _Converter(schema, name).root()


class _Converter:
    def __init__(self, schema: Mapping[str, Any], name: str) -> None:
        self.schema = schema
        self.name = name
        self.defs: Mapping[str, Any] = schema.get("$defs") or {}
        #: Definitions being inlined right now (a recursive model must not be inlined forever).
        self.inlining: set[str] = set()

    def fail(self, field: str, problem: str) -> StrictSchemaError:
        return StrictSchemaError(
            f"{self.name} cannot be expressed as a strict-mode JSON schema: field '{field}' {problem}.",
            field=field,
        )

    def root(self) -> dict[str, Any]:
        top = dict(self.schema)
        top.pop("$defs", None)
        # A recursive model's schema is only ``{"$ref": "#/$defs/Self"}``; strict mode needs the
        # object itself at the root, so inline it once (inner references still point to $defs).
        if set(top) - {"$ref", "title", "description"} == set() and "$ref" in top:
            ref_name = self.ref_name(top["$ref"], self.name)
            top = {**self.defs[ref_name], **{k: v for k, v in top.items() if k != "$ref"}}
        if top.get("type") != "object":
            raise self.fail(self.name, "is the root and must be an object (a pydantic model), "
                            f"not {top.get('type') or 'a union'}")
        out = self.node(top, self.name)
        if self.defs:
            out["$defs"] = {key: self.node(value, key) for key, value in self.defs.items()}
        return out

    def ref_name(self, ref: object, path: str) -> str:
        prefix = "#/$defs/"
        if not (isinstance(ref, str) and ref.startswith(prefix) and ref[len(prefix):] in self.defs):
            raise self.fail(path, f"refers to {ref!r}, which is not a local $defs entry")
        return ref[len(prefix):]

    def node(self, node: Any, path: str) -> dict[str, Any]:
        if not isinstance(node, Mapping):
            raise self.fail(path, f"has a schema that is not an object ({node!r})")
        node = dict(node)
        for key, problem in _REJECT.items():
            if key in node:
                raise self.fail(path, problem)
        if "allOf" in node:
            parts = node.pop("allOf")
            if not (isinstance(parts, list) and len(parts) == 1):
                raise self.fail(path, "uses 'allOf' with several schemas (strict mode has no intersections)")
            node = {**parts[0], **node}
        if "oneOf" in node:
            # Pydantic writes discriminated unions as oneOf; the branches are disjoint by their
            # tag, so anyOf accepts exactly the same values.
            node["anyOf"] = node.pop("oneOf")
            node.pop("discriminator", None)
        if "$ref" in node:
            return self.ref(node, path)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in _KEEP:
                out[key] = value
            elif key == "format":
                if value in _FORMATS:
                    out[key] = value
            elif key == "anyOf":
                if not isinstance(value, list) or not value:
                    raise self.fail(path, "has an empty or malformed 'anyOf'")
                out[key] = [self.node(branch, path) for branch in value]
            elif key == "items":
                out[key] = self.node(value, f"{path}[]")
            # Everything else (default, title, examples, minLength, uniqueItems, ...) is dropped:
            # pydantic validates the reply against the full model anyway.
        types = node.get("type")
        is_object = types == "object" or (isinstance(types, list) and "object" in types)
        if is_object or "properties" in node:
            self.object(node, out, path)
        elif types == "array" and "items" not in node:
            raise self.fail(path, "is a list of any value (give the items a type)")
        if not any(k in out for k in ("type", "anyOf", "enum", "const")):
            raise self.fail(path, "accepts any value (typing.Any or a missing annotation); give it a type")
        return out

    def object(self, node: Mapping[str, Any], out: dict[str, Any], path: str) -> None:
        extra = node.get("additionalProperties")
        properties = node.get("properties")
        if isinstance(extra, Mapping) and extra:
            raise self.fail(path, "is a dict with arbitrary keys (strict mode needs every key named; "
                            "use a nested model, or a list of key/value models)")
        if properties is None:
            raise self.fail(path, "is an object with arbitrary keys (dict or free-form object); "
                            "use a nested model")
        # ``extra="allow"`` models say additionalProperties: true; strict mode forbids that, and
        # the model simply will not send extra keys, which the pydantic model accepts either way.
        out["properties"] = {key: self.node(value, f"{path}.{key}") for key, value in properties.items()}
        out["required"] = list(properties)
        out["additionalProperties"] = False
        out.setdefault("type", "object")

    def ref(self, node: dict[str, Any], path: str) -> dict[str, Any]:
        ref_name = self.ref_name(node["$ref"], path)
        siblings = {k: v for k, v in node.items() if k != "$ref" and (k in _KEEP or k == "format")}
        if not siblings:
            return {"$ref": node["$ref"]}
        if ref_name in self.inlining:
            # A recursive reference with a description: keep the plain reference, lose the text.
            return {"$ref": node["$ref"]}
        # Strict mode rejects ``$ref`` next to other keywords (a field's description, say), so
        # inline the definition with those keywords on top.
        self.inlining.add(ref_name)
        try:
            return self.node({**self.defs[ref_name], **siblings}, path)
        finally:
            self.inlining.discard(ref_name)
