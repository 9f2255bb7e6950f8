"""``ComputerAction``: one action of a computer-use call's ``actions`` list, by ``type``."""

from __future__ import annotations

import warnings
from typing import Annotated, Literal, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import APIObject, type_tag

__all__ = [
    "KINDS",
    "Click",
    "ComputerAction",
    "DoubleClick",
    "Drag",
    "DragPath",
    "Keypress",
    "Move",
    "Screenshot",
    "Scroll",
    "Type",
    "Wait",
]

# ``keys`` (the keys held down) is the API's name; it shadows the dict-style ``keys()`` method of
# APIObject on purpose, as the official types have ``action.keys`` too.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message='Field name "keys"', category=UserWarning)

    class Click(APIObject):
        """Click ``button`` at ``x``, ``y`` (holding ``keys``)."""

        button: str = "left"
        type: Literal["click"] = "click"
        x: int = 0
        y: int = 0
        keys: list[str] | None = None  # type: ignore[assignment]

    class DoubleClick(APIObject):
        """Double-click at ``x``, ``y`` (holding ``keys``)."""

        keys: list[str] | None = None  # type: ignore[assignment]
        type: Literal["double_click"] = "double_click"
        x: int = 0
        y: int = 0

    class DragPath(APIObject):
        """A point of a drag."""

        x: int = 0
        y: int = 0

    class Drag(APIObject):
        """Drag along ``path`` (holding ``keys``)."""

        path: list[DragPath] = []
        type: Literal["drag"] = "drag"
        keys: list[str] | None = None  # type: ignore[assignment]

    class Keypress(APIObject):
        """Press ``keys`` together."""

        keys: list[str] = []  # type: ignore[assignment]
        type: Literal["keypress"] = "keypress"

    class Move(APIObject):
        """Move the pointer to ``x``, ``y`` (holding ``keys``)."""

        type: Literal["move"] = "move"
        x: int = 0
        y: int = 0
        keys: list[str] | None = None  # type: ignore[assignment]

    class Screenshot(APIObject):
        """Take a screenshot."""

        type: Literal["screenshot"] = "screenshot"

    class Scroll(APIObject):
        """Scroll by ``scroll_x``, ``scroll_y`` at ``x``, ``y`` (holding ``keys``)."""

        scroll_x: int = 0
        scroll_y: int = 0
        type: Literal["scroll"] = "scroll"
        x: int = 0
        y: int = 0
        keys: list[str] | None = None  # type: ignore[assignment]

    class Type(APIObject):
        """Type ``text``."""

        text: str = ""
        type: Literal["type"] = "type"

    class Wait(APIObject):
        """Wait a moment (also any action ``type`` gptkit does not know, its fields kept)."""

        type: str = "wait"


#: The action kinds gptkit models.
KINDS = frozenset(
    {"click", "double_click", "drag", "keypress", "move", "screenshot", "scroll", "type", "wait"}
)
#: One computer action, by ``type``.
ComputerAction: TypeAlias = Annotated[
    Annotated[Click, Tag("click")]
    | Annotated[DoubleClick, Tag("double_click")]
    | Annotated[Drag, Tag("drag")]
    | Annotated[Keypress, Tag("keypress")]
    | Annotated[Move, Tag("move")]
    | Annotated[Screenshot, Tag("screenshot")]
    | Annotated[Scroll, Tag("scroll")]
    | Annotated[Type, Tag("type")]
    | Annotated[Wait, Tag("wait")],
    Discriminator(type_tag(KINDS, "wait")),
]
