"""Streams whose events come in several shapes, told apart by their ``type`` field.

A transcription stream sends ``transcript.text.delta`` events and ends with a
``transcript.text.done`` one; an image stream sends partial images and a completed one. An
``EventUnion`` is such a stream's chunk type: it validates each event's JSON into the model its
``type`` names (an event of a type gptkit does not know yet becomes the fallback model, its
fields kept), and may carry the accumulator that builds the stream's final object.
"""

from __future__ import annotations

import threading
import typing
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Union

from pydantic import Discriminator, Tag, TypeAdapter

from gptkit.types._base import APIObject

__all__ = ["EventUnion"]

_OTHER = "__other__"


def _tag_of(model: type[APIObject]) -> str:
    annotation = model.model_fields["type"].annotation
    values = typing.get_args(annotation)
    if len(values) != 1 or not isinstance(values[0], str):
        raise TypeError(f"{model.__name__}.type must be a Literal of one string")
    return values[0]


class EventUnion:
    """The chunk type of a stream of ``members`` (by ``type``), with ``fallback`` for the rest.

    ``accumulator`` (a factory) builds the object the stream amounts to, which is what the
    client accounts (cost, ledger) when the stream ends; None when there is nothing to account.
    """

    def __init__(
        self,
        name: str,
        members: Sequence[type[APIObject]],
        fallback: type[APIObject],
        accumulator: Callable[[], Any] | None = None,
    ) -> None:
        self.__name__ = name
        self._members = {_tag_of(model): model for model in members}
        self._fallback = fallback
        self._accumulator = accumulator
        self._validator: Any = None
        self._lock = threading.Lock()

    @property
    def __pydantic_validator__(self) -> Any:
        """The compiled validator of the union (what a stream validates each event's JSON with)."""
        if self._validator is None:
            with self._lock:
                if self._validator is None:
                    self._validator = TypeAdapter(self.annotation()).validator
        return self._validator

    def annotation(self) -> Any:
        """The discriminated union as a type annotation."""
        tags = set(self._members)

        def tag(value: Any) -> str:
            kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
            return kind if kind in tags else _OTHER

        choices = [Annotated[model, Tag(key)] for key, model in self._members.items()]
        choices.append(Annotated[self._fallback, Tag(_OTHER)])
        return Annotated[Union[tuple(choices)], Discriminator(tag)]  # noqa: UP007 - built at run time

    def new_accumulator(self) -> Any:
        """A fresh accumulator for one stream, or None."""
        return None if self._accumulator is None else self._accumulator()

    def validate(self, data: Any) -> Any:
        """One event (a dict) as its model."""
        return self.__pydantic_validator__.validate_python(data)

    def __repr__(self) -> str:
        return f"<EventUnion {self.__name__}>"
