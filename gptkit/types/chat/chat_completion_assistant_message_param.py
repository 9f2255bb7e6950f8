"""``ChatCompletionAssistantMessageParam``: an earlier answer of the model, sent back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal, TypeAlias

from pydantic import Field, with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.chat.chat_completion_content_part_refusal_param import (
    ChatCompletionContentPartRefusalParam,
)
from gptkit.types.chat.chat_completion_content_part_text_param import (
    ChatCompletionContentPartTextParam,
)
from gptkit.types.chat.chat_completion_message_tool_call_union_param import (
    ChatCompletionMessageToolCallUnionParam,
)

__all__ = ["Audio", "ChatCompletionAssistantMessageParam", "ContentArrayOfContentPart", "FunctionCall"]


@with_config(OPEN_PARAMS)
class Audio(TypedDict, total=False):
    """A previous audio answer, by its ``id``."""

    id: Required[str]


ContentArrayOfContentPart: TypeAlias = Annotated[
    ChatCompletionContentPartTextParam | ChatCompletionContentPartRefusalParam,
    Field(discriminator="type"),
]


@with_config(OPEN_PARAMS)
class FunctionCall(TypedDict, total=False):
    """A deprecated ``function_call``: its ``name`` and JSON ``arguments``."""

    arguments: Required[str]
    name: Required[str]


@with_config(OPEN_PARAMS)
class ChatCompletionAssistantMessageParam(TypedDict, total=False):
    """``{"role": "assistant", "content": ..., "tool_calls": [...]}``."""

    role: Required[Literal["assistant"]]
    audio: Audio | None
    content: str | Sequence[ContentArrayOfContentPart] | None
    function_call: FunctionCall | None
    name: str
    refusal: str | None
    tool_calls: Sequence[ChatCompletionMessageToolCallUnionParam]
