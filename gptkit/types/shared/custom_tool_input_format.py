"""``CustomToolInputFormat``: the input a custom tool takes (free text or a grammar)."""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import APIObject, type_tag

__all__ = ["CustomToolInputFormat", "Grammar", "Text"]


class Text(APIObject):
    """Unconstrained text."""

    type: str = "text"


class Grammar(APIObject):
    """Text matching a grammar (``syntax`` ``lark`` or ``regex``)."""

    definition: str
    syntax: str
    type: str = "grammar"


CustomToolInputFormat: TypeAlias = Annotated[
    Annotated[Text, Tag("text")] | Annotated[Grammar, Tag("grammar")],
    Discriminator(type_tag(frozenset({"text", "grammar"}), "text")),
]
