"""A message of a conversation (any role), with its content parts."""

from __future__ import annotations

from typing import Any, Literal

from gptkit.types._base import APIObject

__all__ = ["Content", "Message"]

#: A part of a message: ``input_text``, ``output_text``, ``input_image``, ``refusal``... (the
#: fields of each kind are kept as sent).
Content = APIObject


class Message(APIObject):
    """A message of a conversation: ``role`` (user, assistant, system, developer...) and
    ``content`` parts; ``status`` is ``in_progress``, ``completed`` or ``incomplete``."""

    id: str | None = None
    content: list[Content] = []
    role: str | None = None
    status: str | None = None
    type: Literal["message"] = "message"

    def text(self) -> str:
        """The message's text parts joined (``input_text``, ``output_text``, ``text``)."""
        parts: list[Any] = [getattr(part, "text", None) for part in self.content]
        return "".join(p for p in parts if isinstance(p, str))
