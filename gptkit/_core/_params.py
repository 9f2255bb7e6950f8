"""Validation of call parameters, before any I/O.

Each endpoint's parameters are a TypedDict in ``gptkit.types``; a pydantic ``TypeAdapter`` built
lazily from it checks types and bounds, and its errors become one ``InvalidParameterError`` naming
the offending parameter.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any, Final

import pydantic

from gptkit._exceptions import InvalidParameterError

__all__ = ["NOT_GIVEN", "NotGiven", "Omit", "ParamValidator", "clean_params", "omit"]


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
    """Validates one endpoint's parameters; the adapter is built on first use, not at import."""

    def __init__(self, schema: Any, endpoint: str) -> None:
        self._schema = schema
        self._endpoint = endpoint
        self._adapter: pydantic.TypeAdapter[Any] | None = None
        self._lock = threading.Lock()

    def _get_adapter(self) -> pydantic.TypeAdapter[Any]:
        adapter = self._adapter
        if adapter is None:
            with self._lock:
                if self._adapter is None:
                    self._adapter = pydantic.TypeAdapter(self._schema)
                adapter = self._adapter
        return adapter

    def validate(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """The validated parameters, ready to serialise, or ``InvalidParameterError``."""
        try:
            result: dict[str, Any] = self._get_adapter().validate_python(params)
        except pydantic.ValidationError as exc:
            raise self._to_error(exc) from None
        return result

    def _to_error(self, exc: pydantic.ValidationError) -> InvalidParameterError:
        found: list[tuple[str, str]] = []
        for err in exc.errors(include_url=False):
            param = _param_path(err["loc"])
            if err["type"] == "extra_forbidden" and len(err["loc"]) == 1:
                text = "is not a parameter of this call (use extra_body= for provider extensions)"
            elif err["type"] == "missing":
                text = "is required"
            else:
                text = f"{err['msg']} (got {_short(err.get('input'))})"
            found.append((param, text))
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


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
