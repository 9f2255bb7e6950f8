"""Validation of call parameters, before any I/O.

Each endpoint's parameters are a TypedDict in ``gptkit.types``; a pydantic ``TypeAdapter`` built
lazily from it checks types and bounds, and its errors become one ``InvalidParameterError`` naming
the offending parameter. An endpoint may also declare a ``QuickCheck``: a sans-IO check of the
common shape of its parameters (plain strings, numbers in bounds, text messages) that returns what
the adapter would, so that a program's first call neither imports the parameter types nor builds
their validator (~30 ms, ~2 MB); anything else goes to the adapter, which decides and names errors.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Mapping
from typing import Any, Final

import pydantic

from gptkit._exceptions import InvalidParameterError

__all__ = [
    "NOT_GIVEN", "NotGiven", "Omit", "ParamValidator", "QuickCheck", "clean_params", "either", "error_text",
    "flag", "integer", "number", "omit", "one_of", "text", "text_messages",
]


class NotGiven:
    """Marks a parameter as not given (as distinct from ``None``), like the official SDK's."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


class Omit:
    """Leaves a parameter out; as an ``extra_headers`` value, removes a header the client would
    send (``extra_headers={"OpenAI-Organization": gptkit.omit}``). The official SDK's ``Omit``."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "omit"


omit: Final = Omit()


def clean_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """Drop parameters that were not given (``NOT_GIVEN``, ``omit``) or given as ``None`` (the API
    default)."""
    return {k: v for k, v in params.items()
            if v is not None and v is not NOT_GIVEN and not isinstance(v, Omit)}


class ParamValidator:
    """Validates one endpoint's parameters; the adapter is built on first use, not at import.

    ``schema`` is the parameters' TypedDict, or ``"module:Name"`` naming it (imported when the
    adapter is first needed); ``quick`` answers the common calls without the adapter.
    """

    def __init__(self, schema: Any, endpoint: str, *, quick: QuickCheck | None = None) -> None:
        self._schema = schema
        self._endpoint = endpoint
        self._quick = quick
        self._adapter: pydantic.TypeAdapter[Any] | None = None
        self._lock = threading.Lock()

    @property
    def schema(self) -> Any:
        """The parameters' TypedDict (imported now when it was named by a string)."""
        if isinstance(self._schema, str):
            module, _, name = self._schema.partition(":")
            self._schema = getattr(importlib.import_module(module), name)
        return self._schema

    def _get_adapter(self) -> pydantic.TypeAdapter[Any]:
        adapter = self._adapter
        if adapter is None:
            with self._lock:
                if self._adapter is None:
                    self._adapter = pydantic.TypeAdapter(self.schema)
                adapter = self._adapter
        return adapter

    def validate(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """The validated parameters, ready to serialise, or ``InvalidParameterError``."""
        if self._quick is not None:
            quick = self._quick.check(params)
            if quick is not None:
                return quick
        try:
            result: dict[str, Any] = self._get_adapter().validate_python(params)
        except pydantic.ValidationError as exc:
            raise self._to_error(exc) from None
        return result

    def _to_error(self, exc: pydantic.ValidationError) -> InvalidParameterError:
        found: list[tuple[str, str]] = []
        for err in exc.errors(include_url=False):
            param = _param_path(err["loc"])
            found.append((param, error_text(err)))
        # The first error of a union is often the least helpful branch; prefer a tag/bound error.
        param, text = found[0]
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        message = f"Invalid parameter for {self._endpoint}: '{param}' {text}{more}"
        return InvalidParameterError(message, param=param, errors=found)


#: How pydantic labels the branches of a union of constrained or wrapped types.
_SCHEMA_LABELS = ("constrained-", "function-", "json-or-python", "lax-or-strict", "nullable")


def _is_label(part: str) -> bool:
    return ("[" in part or part in {"str", "int", "float", "bool"} or part.startswith(_SCHEMA_LABELS)
            or (part[:1].isupper() and part.isidentifier()))


def _param_path(loc: tuple[int | str, ...]) -> str:
    # Drop pydantic's union branch labels (they contain brackets, or are type names: builtins, or
    # the class name of a TypedDict branch, which parameter names never are).
    parts = [str(p) for p in loc if isinstance(p, int) or not _is_label(p)]
    return ".".join(parts) or "params"


def error_text(err: Any) -> str:
    """What is wrong with a parameter, from one of pydantic's errors (``ErrorDetails``)."""
    if err["type"] == "extra_forbidden" and len(err["loc"]) == 1:
        return "is not a parameter of this call (use extra_body= for provider extensions)"
    if err["type"] == "missing":
        return "is required"
    return f"{err['msg']} (got {_short(err.get('input'))})"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# -- the quick check: the common shape of a call's parameters, without pydantic -----------------


class _Undecided(Exception):
    """The quick check cannot vouch for a value: the full validator decides."""


#: A rule returns the value the adapter would return for it, or raises ``_Undecided``. Rules
#: accept only values the TypedDict surely accepts (exact types, in bounds): anything else,
#: valid or not, is the adapter's to judge, so that errors are always the adapter's.
Rule = Callable[[Any], Any]


class QuickCheck:
    """A sans-IO check of the common shape of one endpoint's parameters.

    ``rules`` maps each parameter it may vouch for to its rule, in the order of the TypedDict's
    fields (pydantic returns a TypedDict's keys in that order, and the body is sent in it);
    ``required`` are the parameters the TypedDict requires. ``check`` returns the body the
    adapter would return, or None when a parameter or value is not one it vouches for.
    """

    def __init__(self, rules: Mapping[str, Rule], required: tuple[str, ...]) -> None:
        self._rules = dict(rules)
        self._rank = {name: i for i, name in enumerate(rules)}
        self._required = required

    def check(self, params: Mapping[str, Any]) -> dict[str, Any] | None:
        rules = self._rules
        out: dict[str, Any] = {}
        try:
            for key, value in params.items():
                rule = rules.get(key)
                if rule is None:
                    return None
                out[key] = rule(value)
        except _Undecided:
            return None
        for key in self._required:
            if key not in out:
                return None
        rank = self._rank
        ranks = [rank[key] for key in out]
        if ranks != sorted(ranks):
            out = {key: out[key] for key in sorted(out, key=rank.__getitem__)}
        return out


def text(min_length: int = 0, max_length: int | None = None) -> Rule:
    """A ``str`` (of at least ``min_length`` characters, and at most ``max_length``)."""

    longest = max_length if max_length is not None else float("inf")

    def rule(value: Any) -> Any:
        if type(value) is not str or not min_length <= len(value) <= longest:
            raise _Undecided
        return value

    return rule


def either(*rules: Rule) -> Rule:
    """The first of ``rules`` that vouches for the value (for a union: ``str | list[...]``)."""

    def rule(value: Any) -> Any:
        for one in rules:
            try:
                return one(value)
            except _Undecided:  # noqa: PERF203 - rare: the first rule is the usual one
                continue
        raise _Undecided

    return rule


def integer(low: int | None = None, high: int | None = None) -> Rule:
    """An ``int`` (not a ``bool``) within the bounds."""

    def rule(value: Any) -> Any:
        if type(value) is not int or (low is not None and value < low) or (high is not None and value > high):
            raise _Undecided
        return value

    return rule


def number(low: float, high: float) -> Rule:
    """A ``float`` within the bounds; an ``int`` becomes the ``float`` pydantic makes of it."""

    def rule(value: Any) -> Any:
        kind = type(value)
        if (kind is not float and kind is not int) or not low <= value <= high:  # NaN fails too
            raise _Undecided
        return float(value)

    return rule


def flag() -> Rule:
    """A ``bool``."""

    def rule(value: Any) -> Any:
        if type(value) is not bool:
            raise _Undecided
        return value

    return rule


def one_of(*values: str) -> Rule:
    """One of the literal strings."""
    allowed = frozenset(values)

    def rule(value: Any) -> Any:
        if type(value) is not str or value not in allowed:
            raise _Undecided
        return value

    return rule


def text_messages(fields: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]) -> Rule:
    """A non-empty list (or tuple) of message dicts whose values are all strings.

    ``fields`` maps each role to the fields its TypedDict declares that may hold a string, in the
    TypedDict's order, and those it requires. Each message is copied with its keys in that order,
    as pydantic returns it; a message with any other key or value goes to the adapter.
    """

    def message(value: Any) -> dict[str, Any]:
        if type(value) is not dict:
            raise _Undecided
        role = value.get("role")
        known = fields.get(role) if type(role) is str else None
        if known is None:
            raise _Undecided
        order, required = known
        out = {key: value[key] for key in order if key in value}
        if len(out) != len(value):
            raise _Undecided
        for item in out.values():
            if type(item) is not str:
                raise _Undecided
        for key in required:
            if key not in out:
                raise _Undecided
        return out

    def rule(value: Any) -> Any:
        kind = type(value)
        if (kind is not list and kind is not tuple) or not value:
            raise _Undecided
        checked = [message(item) for item in value]
        return checked if kind is list else tuple(checked)

    return rule
