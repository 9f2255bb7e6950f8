"""gptkit's earlier module of chat parameter types, kept so that imports written against it work.

The types live at the official paths now (``gptkit.types.chat.chat_completion_*_param``,
``gptkit.types.chat.completion_create_params``); import them from ``gptkit.types.chat``.
"""

from __future__ import annotations

from gptkit.types.chat.chat_completion_assistant_message_param import (
    ChatCompletionAssistantMessageParam,
)
from gptkit.types.chat.chat_completion_content_part_image_param import (
    ChatCompletionContentPartImageParam,
)
from gptkit.types.chat.chat_completion_content_part_input_audio_param import (
    ChatCompletionContentPartInputAudioParam,
)
from gptkit.types.chat.chat_completion_content_part_param import ChatCompletionContentPartParam
from gptkit.types.chat.chat_completion_content_part_refusal_param import (
    ChatCompletionContentPartRefusalParam,
)
from gptkit.types.chat.chat_completion_content_part_text_param import (
    ChatCompletionContentPartTextParam,
)
from gptkit.types.chat.chat_completion_developer_message_param import (
    ChatCompletionDeveloperMessageParam,
)
from gptkit.types.chat.chat_completion_function_message_param import (
    ChatCompletionFunctionMessageParam,
)
from gptkit.types.chat.chat_completion_message_param import ChatCompletionMessageParam
from gptkit.types.chat.chat_completion_message_tool_call_param import (
    ChatCompletionMessageToolCallParam,
)
from gptkit.types.chat.chat_completion_named_tool_choice_param import (
    ChatCompletionNamedToolChoiceParam,
)
from gptkit.types.chat.chat_completion_stream_options_param import ChatCompletionStreamOptionsParam
from gptkit.types.chat.chat_completion_system_message_param import ChatCompletionSystemMessageParam
from gptkit.types.chat.chat_completion_tool_choice_option_param import (
    ChatCompletionToolChoiceOptionParam,
)
from gptkit.types.chat.chat_completion_tool_message_param import ChatCompletionToolMessageParam
from gptkit.types.chat.chat_completion_tool_param import ChatCompletionToolParam
from gptkit.types.chat.chat_completion_user_message_param import ChatCompletionUserMessageParam
from gptkit.types.chat.completion_create_params import (
    ChatCompletionCreateArgs,
    ChatCompletionCreateParams,
    ChatCompletionParseArgs,
    ResponseFormat,
)
from gptkit.types.chat.completion_create_params import (
    _ChatCompletionArgsBase as _ChatCompletionArgsBase,  # gptkit._structured's, from here
)
from gptkit.types.shared_params.function_definition import FunctionDefinition
from gptkit.types.shared_params.response_format_json_schema import ResponseFormatJSONSchema

__all__ = [
    "ChatCompletionAssistantMessageParam",
    "ChatCompletionContentPartImageParam",
    "ChatCompletionContentPartInputAudioParam",
    "ChatCompletionContentPartParam",
    "ChatCompletionContentPartRefusalParam",
    "ChatCompletionContentPartTextParam",
    "ChatCompletionCreateArgs",
    "ChatCompletionCreateParams",
    "ChatCompletionDeveloperMessageParam",
    "ChatCompletionFunctionMessageParam",
    "ChatCompletionMessageParam",
    "ChatCompletionMessageToolCallParam",
    "ChatCompletionNamedToolChoiceParam",
    "ChatCompletionParseArgs",
    "ChatCompletionStreamOptionsParam",
    "ChatCompletionSystemMessageParam",
    "ChatCompletionToolChoiceOptionParam",
    "ChatCompletionToolMessageParam",
    "ChatCompletionToolParam",
    "ChatCompletionUserMessageParam",
    "FunctionDefinition",
    "ResponseFormat",
    "ResponseFormatJSONSchema",
]
