"""The base of every response model: tolerant of what providers add, with a few conveniences."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

from gptkit.types.cost import Cost

__all__ = ["APIObject", "BilledObject", "ResponseObject"]


class APIObject(BaseModel):
    """A response object from the API.

    Unknown fields are kept (``extra="allow"``) because providers add them often; enum-like fields
    are plain strings so that a new value never breaks parsing. Objects also support the dict-style
    access that older scripts use (``response["choices"][0]["text"]``).
    """

    model_config = ConfigDict(
        extra="allow", protected_namespaces=(), populate_by_name=True, defer_build=True
    )

    def __getitem__(self, key: str) -> Any:
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and getattr(self, key, None) is not None

    def get(self, key: str, default: Any = None) -> Any:
        """Dict-style ``get``: the field's value, or ``default`` when it is absent or None."""
        value = getattr(self, key, None)
        return default if value is None else value

    def to_dict(self) -> dict[str, Any]:
        """The object as plain JSON-compatible data, without unset optional fields."""
        return self.model_dump(mode="json", exclude_unset=True)

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
