"""``CreateChatCompletionRequestMessageParam``: the spec's name of ``ChatCompletionMessageParam``."""

from __future__ import annotations

from gptkit.types.chat.chat_completion_message_param import ChatCompletionMessageParam

__all__ = ["CreateChatCompletionRequestMessageParam"]

CreateChatCompletionRequestMessageParam = ChatCompletionMessageParam
