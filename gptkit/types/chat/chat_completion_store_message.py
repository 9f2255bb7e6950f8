"""``ChatCompletionStoreMessage``: a message of a stored chat completion
(``chat.completions.messages.list``)."""

from __future__ import annotations

from typing import Annotated, TypeAlias, Union

from pydantic import Discriminator, Tag

from gptkit.types._base import type_tag
from gptkit.types.chat.chat_completion_content_part_image import ChatCompletionContentPartImage
from gptkit.types.chat.chat_completion_content_part_text import ChatCompletionContentPartText
from gptkit.types.chat.chat_completion_message import ChatCompletionMessage

__all__ = ["ChatCompletionStoreMessage", "ChatCompletionStoreMessageContentPart"]

#: A text or image part of a stored message (told apart by ``type``).
ChatCompletionStoreMessageContentPart: TypeAlias = Annotated[
    Union[  # noqa: UP007 - a runtime union for pydantic
        Annotated[ChatCompletionContentPartText, Tag("text")],
        Annotated[ChatCompletionContentPartImage, Tag("image_url")],
    ],
    Discriminator(type_tag(frozenset({"text", "image_url"}), "text")),
]


class ChatCompletionStoreMessage(ChatCompletionMessage):
    """A stored message: its ``id``, and its content parts when it was sent as parts."""

    id: str
    content_parts: list[ChatCompletionStoreMessageContentPart] | None = None
