"""An action the model asks a computer-use harness to take (``computer_call`` output item)."""

from __future__ import annotations

import warnings
from typing import Annotated, Literal, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import APIObject, type_tag
from gptkit.types.responses.computer_action import (
    KINDS,
    Click,
    ComputerAction,
    DoubleClick,
    Drag,
    DragPath,
    Keypress,
    Move,
    Screenshot,
    Scroll,
    Type,
    Wait,
)

__all__ = [
    "Action",
    "ActionClick",
    "ActionDoubleClick",
    "ActionDrag",
    "ActionDragPath",
    "ActionKeypress",
    "ActionMove",
    "ActionScreenshot",
    "ActionScroll",
    "ActionType",
    "ActionWait",
    "ComputerActionList",
    "PendingSafetyCheck",
    "ResponseComputerToolCall",
]

# The single ``action`` has the same kinds as the ``actions`` list, under the official names of
# its own (``ActionClick``...): the same fields, so each is the list's class renamed. ``keys`` is
# declared again where a kind has it: pydantic would otherwise take the inherited ``keys()``
# method for the field's default.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message='Field name "keys"', category=UserWarning)

    class ActionClick(Click):
        """Click ``button`` at ``x``, ``y`` (holding ``keys``)."""

        keys: list[str] | None = None

    class ActionDoubleClick(DoubleClick):
        """Double-click at ``x``, ``y`` (holding ``keys``)."""

        keys: list[str] | None = None

    class ActionDragPath(DragPath):
        """A point of a drag."""

    class ActionDrag(Drag):
        """Drag along ``path`` (holding ``keys``)."""

        path: list[ActionDragPath] = []  # type: ignore[assignment]
        keys: list[str] | None = None

    class ActionKeypress(Keypress):
        """Press ``keys`` together."""

        keys: list[str] = []

    class ActionMove(Move):
        """Move the pointer to ``x``, ``y`` (holding ``keys``)."""

        keys: list[str] | None = None

    class ActionScreenshot(Screenshot):
        """Take a screenshot."""

    class ActionScroll(Scroll):
        """Scroll by ``scroll_x``, ``scroll_y`` at ``x``, ``y`` (holding ``keys``)."""

        keys: list[str] | None = None

    class ActionType(Type):
        """Type ``text``."""

    class ActionWait(Wait):
        """Wait a moment (also any action ``type`` gptkit does not know, its fields kept)."""


#: The action of a computer call, by ``type``.
Action: TypeAlias = Annotated[
    Annotated[ActionClick, Tag("click")]
    | Annotated[ActionDoubleClick, Tag("double_click")]
    | Annotated[ActionDrag, Tag("drag")]
    | Annotated[ActionKeypress, Tag("keypress")]
    | Annotated[ActionMove, Tag("move")]
    | Annotated[ActionScreenshot, Tag("screenshot")]
    | Annotated[ActionScroll, Tag("scroll")]
    | Annotated[ActionType, Tag("type")]
    | Annotated[ActionWait, Tag("wait")],
    Discriminator(type_tag(KINDS, "wait")),
]
#: Several actions to take in order.
ComputerActionList: TypeAlias = list[ComputerAction]


class PendingSafetyCheck(APIObject):
    """A safety check the caller must acknowledge in its ``computer_call_output``."""

    id: str = ""
    code: str | None = None
    message: str | None = None


class ResponseComputerToolCall(APIObject):
    """Take ``action`` (``click``, ``type``, ``scroll``, ``screenshot``... with its coordinates
    and keys, as sent), or each of ``actions``, and answer with a screenshot in a
    ``computer_call_output`` item."""

    id: str = ""
    call_id: str = ""
    pending_safety_checks: list[PendingSafetyCheck] = []
    status: str | None = None
    type: Literal["computer_call"] = "computer_call"
    action: Action | None = None
    actions: ComputerActionList | None = None
