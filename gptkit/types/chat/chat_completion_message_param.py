"""``ChatCompletionMessageParam``: any message of a conversation, as a parameter.

A response message object (``completion.choices[0].message``) is accepted where a message dict
is expected, as the official package accepts it: it is sent as the fields the API takes back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, TypeAlias

from pydantic import BeforeValidator, Field

from gptkit.types.chat.chat_completion_assistant_message_param import (
    ChatCompletionAssistantMessageParam,
)
from gptkit.types.chat.chat_completion_developer_message_param import (
    ChatCompletionDeveloperMessageParam,
)
from gptkit.types.chat.chat_completion_function_message_param import (
    ChatCompletionFunctionMessageParam,
)
from gptkit.types.chat.chat_completion_system_message_param import ChatCompletionSystemMessageParam
from gptkit.types.chat.chat_completion_tool_message_param import ChatCompletionToolMessageParam
from gptkit.types.chat.chat_completion_user_message_param import ChatCompletionUserMessageParam

__all__ = ["ChatCompletionMessageParam"]


def _message_to_dict(value: object) -> object:
    """A response message object as the message dict it stands for (gptkit's extras left out)."""
    dump = getattr(value, "model_dump", None)
    if dump is not None and not isinstance(value, Mapping):
        data: dict[str, Any] = dump(mode="json", exclude_none=True)
        data.pop("parsed", None)
        for call in data.get("tool_calls") or ():
            call.get("function", {}).pop("parsed_arguments", None)
        return data
    return value


ChatCompletionMessageParam: TypeAlias = Annotated[
    ChatCompletionDeveloperMessageParam
    | ChatCompletionSystemMessageParam
    | ChatCompletionUserMessageParam
    | ChatCompletionAssistantMessageParam
    | ChatCompletionToolMessageParam
    | ChatCompletionFunctionMessageParam,
    Field(discriminator="role"),
    BeforeValidator(_message_to_dict),
]
