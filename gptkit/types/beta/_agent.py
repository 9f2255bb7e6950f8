"""``Agent``: which agent of a multi-agent response an item or a stream event belongs to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from gptkit.types._base import APIObject

__all__ = ["Agent", "agent_before"]


class Agent(APIObject):
    """The agent that produced an item or owns a stream event (absent: the coordinator, ``/root``)."""

    agent_name: str = ""


M = TypeVar("M", bound=type[BaseModel])


def agent_before(field: str) -> Callable[[M], M]:
    """Place a beta class's ``agent`` field just before ``field``, where the official class has it.

    A beta class is its GA class plus ``agent``, which a subclass can only append; the official
    classes put it among the optional fields in alphabetical order, and field order is print order
    (``repr``, ``model_dump``, ``to_json``). Runs before the class's schema is built (on first use:
    ``defer_build``).
    """

    def place(cls: M) -> M:
        model: Any = cls  # pydantic's own attributes, read and set as they are at runtime
        fields = dict(model.model_fields)
        agent = fields.pop("agent")
        ordered: dict[str, Any] = {}
        for name, info in fields.items():
            if name == field:
                ordered["agent"] = agent
            ordered[name] = info
        # pydantic 2.10+ keeps the fields in ``__pydantic_fields__`` (``model_fields`` reads it);
        # earlier versions in ``model_fields`` itself.
        where = "__pydantic_fields__" if "__pydantic_fields__" in vars(cls) else "model_fields"
        setattr(model, where, ordered)
        return cls

    return place
