"""An action the model asks a computer-use harness to take (``computer_call`` output item)."""

from __future__ import annotations

import warnings
from typing import Any, Literal

from gptkit.types._base import APIObject

__all__ = ["Action", "PendingSafetyCheck", "ResponseComputerToolCall"]


# ``keys`` (the keys held down) is the API's name; it shadows the dict-style ``keys()`` method of
# APIObject on purpose, as the official type has ``action.keys`` too.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message='Field name "keys"', category=UserWarning)

    class Action(APIObject):
        """One computer action: ``type`` (``click``, ``double_click``, ``drag``, ``keypress``,
        ``move``, ``screenshot``, ``scroll``, ``type``, ``wait``) and the fields of that kind; fields a
        kind adds later are kept and readable as attributes too."""

        type: str
        x: int | None = None
        y: int | None = None
        button: str | None = None
        keys: list[str] | None = None  # type: ignore[assignment]
        text: str | None = None
        scroll_x: int | None = None
        scroll_y: int | None = None
        path: list[Any] | None = None


class PendingSafetyCheck(APIObject):
    """A safety check the caller must acknowledge in its ``computer_call_output``."""

    id: str = ""
    code: str | None = None
    message: str | None = None


class ResponseComputerToolCall(APIObject):
    """Take ``action`` (``click``, ``type``, ``scroll``, ``screenshot``... with its coordinates
    and keys, as sent) and answer with a screenshot in a ``computer_call_output`` item."""

    id: str = ""
    call_id: str = ""
    pending_safety_checks: list[PendingSafetyCheck] = []
    status: str | None = None
    type: Literal["computer_call"] = "computer_call"
    action: Action | None = None
    actions: list[Action] | None = None
