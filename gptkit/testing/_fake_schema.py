"""A value matching a JSON schema: what the fake model says when asked for structured output.

When a request carries ``response_format={"type": "json_schema", ...}`` and no answer is
scripted, the fake answers with a small JSON value that satisfies the schema (every property,
the first enum value, the least allowed number, ``minItems`` items, a plausible string for each
``format``), so code that calls ``parse`` runs against the fake unchanged. Pure functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["sample_for_response_format", "sample_from_schema"]

_FORMATS = {
    "date-time": "2024-01-01T09:30:00Z", "date": "2024-01-01", "time": "09:30:00", "duration": "PT1H",
    "email": "ana@example.com", "hostname": "example.com", "ipv4": "192.0.2.1", "ipv6": "2001:db8::1",
    "uuid": "00000000-0000-4000-8000-000000000000", "uri": "https://example.com/",
}
#: How deep ``$ref``s are followed before a recursive schema is cut short (null or empty list).
_MAX_DEPTH = 6


def sample_for_response_format(response_format: Any) -> str | None:
    """The JSON text the fake answers for this ``response_format``, or None (plain text)."""
    import json

    if not isinstance(response_format, Mapping):
        return None
    kind = response_format.get("type")
    if kind == "json_object":
        return "{}"
    if kind == "json_schema":
        spec = response_format.get("json_schema")
        schema = spec.get("schema") if isinstance(spec, Mapping) else None
        if isinstance(schema, Mapping):
            return json.dumps(sample_from_schema(schema), separators=(",", ":"))
    return None


def sample_from_schema(schema: Mapping[str, Any]) -> Any:
    """A small value valid under ``schema`` (``$ref``s resolved against its ``$defs``)."""
    definitions = {**schema.get("definitions", {}), **schema.get("$defs", {})}
    return _sample(schema, definitions, 0, "value")


def _sample(schema: Any, definitions: Mapping[str, Any], depth: int, name: str) -> Any:
    if not isinstance(schema, Mapping):
        return None
    if "$ref" in schema:
        if depth >= _MAX_DEPTH:
            return None
        target = definitions.get(str(schema["$ref"]).rsplit("/", 1)[-1], {})
        return _sample(target, definitions, depth + 1, name)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if isinstance(options, list) and options:
            # A real value rather than null, unless only null is left (recursion cut short).
            ordered = sorted(options, key=lambda option: isinstance(option, Mapping) and
                             option.get("type") == "null")
            if depth >= _MAX_DEPTH:
                ordered.reverse()
            return _sample(ordered[0], definitions, depth, name)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        return {key: _sample(value, definitions, depth, key) for key, value in properties.items()}
    if kind == "array":
        # No item where the item itself would be cut short (a recursive list ends empty).
        count = int(schema.get("minItems", 0 if depth + 1 >= _MAX_DEPTH else 1))
        count = min(count, int(schema.get("maxItems", count)))
        return [_sample(schema.get("items", {}), definitions, depth + 1, name) for _ in range(count)]
    if kind in ("integer", "number"):
        return _number(schema, kind == "integer")
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    if kind == "string":
        return _FORMATS.get(str(schema.get("format", "")), name)
    return None


def _number(schema: Mapping[str, Any], integer: bool) -> int | float:
    low = schema.get("minimum", schema.get("exclusiveMinimum"))
    high = schema.get("maximum", schema.get("exclusiveMaximum"))
    value: float = 0
    if low is not None and value < low:
        value = low + (1 if "minimum" not in schema else 0)
    elif high is not None and value > high:
        value = high - (1 if "maximum" not in schema else 0)
    return int(value) if integer else float(value)
