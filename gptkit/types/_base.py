"""The base of every response model: tolerant of what providers add, with a few conveniences."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict, PrivateAttr

from gptkit.types.cost import Cost

__all__ = ["APIObject", "AttrDict", "BilledObject", "ResponseObject"]


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
        names = [*type(self).model_fields, *(self.__pydantic_extra__ or ())]
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

    def to_dict(self) -> dict[str, Any]:
        """The object as plain JSON-compatible data, without unset optional fields."""
        return self.model_dump(mode="json", exclude_unset=True)

    def to_dict_recursive(self) -> dict[str, Any]:
        """The pre-1.0 name of ``to_dict``."""
        return self.to_dict()

    def to_json(self, *, indent: int | None = 2) -> str:
        """The object as a JSON string, without unset optional fields."""
        return self.model_dump_json(indent=indent, exclude_unset=True)


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
        return self._cost
