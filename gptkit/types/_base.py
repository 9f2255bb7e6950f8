"""The base of every response model: tolerant of what providers add, with a few conveniences."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, PrivateAttr

from gptkit.types.cost import Cost

__all__ = [
    "CLOSED_PARAMS", "OPEN_PARAMS", "APIObject", "AttrDict", "BilledObject", "ResponseObject", "type_tag",
]

#: The config of request TypedDicts nested in a call's parameters (messages, tools, content
#: parts...): providers add keys to them, so unknown keys pass through.
OPEN_PARAMS = ConfigDict(extra="allow")
#: The config of a call's top-level parameters: a misspelt parameter is an error that names it.
CLOSED_PARAMS = ConfigDict(extra="forbid")


def type_tag(known: frozenset[str], default: str) -> Callable[[Any], str]:
    """A union discriminator reading ``type``, tolerant of new kinds.

    A response union (tool calls, moderation results...) picks its member by ``type``; a value
    whose ``type`` gptkit does not know yet is read as ``default`` (whose model keeps the unknown
    fields) rather than failing the whole response.
    """

    def tag(value: Any) -> str:
        kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
        return kind if isinstance(kind, str) and kind in known else default

    return tag


class AttrDict(dict[str, Any]):
    """A JSON object a provider added to a response: a dict that answers attribute access too.

    A read view: nested dicts and lists are wrapped on access, so change the object through the
    response's ``to_dict()`` copy, not through the view.
    """

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, key: str) -> Any:
        return _attr_view(super().__getitem__(key))

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default  # noqa: SIM401 - self.get would recurse


def _attr_view(value: Any) -> Any:
    if isinstance(value, dict) and not isinstance(value, AttrDict):
        return AttrDict(value)
    if isinstance(value, list):
        return [_attr_view(item) for item in value]
    return value


class APIObject(BaseModel):
    """A response object from the API.

    Unknown fields are kept (``extra="allow"``) because providers add them often; enum-like fields
    are plain strings so that a new value never breaks parsing. Objects also support the dict-style
    access that older scripts use (``response["choices"][0]["text"]``).
    """

    model_config: ClassVar[ConfigDict] = ConfigDict(
        extra="allow", protected_namespaces=(), populate_by_name=True, defer_build=True
    )

    # -- the dict-style access of pre-1.0 ``openai`` objects (which were dict subclasses) --------

    def _field_value(self, key: object) -> Any:
        """The value of field or extra ``key`` (extras' dicts answer attribute access too)."""
        if isinstance(key, str):
            if key in type(self).model_fields:
                return getattr(self, key)
            extra = self.__pydantic_extra__
            if extra is not None and key in extra:
                if isinstance(getattr(type(self), key, None), property):
                    return getattr(self, key)  # an extra gptkit reads typed (Azure's filter results)
                return _attr_view(extra[key])
        raise KeyError(key)

    def __getitem__(self, key: str) -> Any:
        return self._field_value(key)

    def __contains__(self, key: object) -> bool:
        try:
            return self._field_value(key) is not None
        except KeyError:
            return False

    def get(self, key: str, default: Any = None) -> Any:
        """Dict-style ``get``: the field's value, or ``default`` when it is absent or None."""
        try:
            value = self._field_value(key)
        except KeyError:
            return default
        return default if value is None else value

    def keys(self) -> list[str]:
        """The names of the fields (and extra fields) that hold a value, as ``in`` sees them."""
        names = [name for name, field in type(self).model_fields.items() if not field.exclude]
        names += self.__pydantic_extra__ or ()
        return [name for name in names if self._field_value(name) is not None]

    def values(self) -> list[Any]:
        """The values of ``keys()``."""
        return [self._field_value(name) for name in self.keys()]

    def items(self) -> list[tuple[str, Any]]:
        """``(name, value)`` for each of ``keys()``; ``dict(obj)`` gives the same pairs."""
        return [(name, self._field_value(name)) for name in self.keys()]

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # Extra fields arrive as plain JSON; give their dicts attribute access as well.
            return _attr_view(super().__getattr__(name))

    # -- printing and serialising, as the official package's models do ---------------------------

    def __str__(self) -> str:
        # pydantic prints ``a=1 b=2``; the official models print ``Name(a=1, b=2)``, as repr does.
        return BaseModel.__repr__(self)

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> dict[str, Any]:
        """The object as a dict of what the server sent (fields it did not send are left out).

        Keys are the API's names (``use_api_names``); ``mode="json"`` makes every value
        JSON-compatible. gptkit's own additions (cost, request id, the estimated-usage flag) are
        never included.
        """
        return self.model_dump(
            mode=mode, by_alias=use_api_names, exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults, exclude_none=exclude_none, warnings=warnings,
        )

    def to_dict_recursive(self) -> dict[str, Any]:
        """The pre-1.0 name of ``to_dict``."""
        return self.to_dict()

    def to_json(
        self,
        *,
        indent: int | None = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> str:
        """The object as a JSON string of what the server sent, indented by ``indent`` (None: compact)."""
        return self.model_dump_json(
            indent=indent, by_alias=use_api_names, exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults, exclude_none=exclude_none, warnings=warnings,
        )


class ResponseObject(APIObject):
    """A whole response body (not a nested object or a stream chunk): it knows its request id.

    Only these carry private attributes: pydantic runs Python code to set private attributes up
    on every instance it builds, which tripled the cost of validating each stream chunk.
    """

    _request_id: str | None = PrivateAttr(default=None)

    @property
    def request_id(self) -> str | None:
        """The ``x-request-id`` the server sent with this object, when it came from a response."""
        return self._request_id


class BilledObject(ResponseObject):
    """A response that carries token usage, and so a cost."""

    _cost: Cost | None = PrivateAttr(default=None)

    @property
    def cost(self) -> Cost | None:
        """What this call cost, or None when the model's price is unknown or no usage was sent."""
        cost = self._cost
        if cost is None or type(cost) is Cost:
            return cost
        # A ``PendingCost`` (gptkit._cost._ledger): the call was priced lazily; price it now.
        resolved: Cost | None = cost.value()  # type: ignore[attr-defined]
        return resolved
