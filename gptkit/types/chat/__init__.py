"""Chat completions (``openai.types.chat``): responses, stream chunks and request parameters.

Each name lives in the submodule of the same path as in the official package
(``gptkit.types.chat.chat_completion_chunk.ChoiceDelta``); importing one from here loads only its
submodule. ``Choice``, ``ChoiceLogprobs`` are the chat completion's, ``ChoiceDelta`` & co. the
stream chunk's; ``ChunkChoice`` is gptkit's older name of the chunk's ``Choice``
(``chat_completion_chunk.Choice``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gptkit.types._lazy import lazy_package

if TYPE_CHECKING:
    from gptkit.types.chat._aliases import ChunkChoice as ChunkChoice
    from gptkit.types.chat.chat_completion import ChatCompletion as ChatCompletion
    from gptkit.types.chat.chat_completion import Choice as Choice
    from gptkit.types.chat.chat_completion import ChoiceLogprobs as ChoiceLogprobs
    from gptkit.types.chat.chat_completion_allowed_tool_choice_param import (
        ChatCompletionAllowedToolChoiceParam as ChatCompletionAllowedToolChoiceParam,
    )
    from gptkit.types.chat.chat_completion_allowed_tools_param import (
        ChatCompletionAllowedToolsParam as ChatCompletionAllowedToolsParam,
    )
    from gptkit.types.chat.chat_completion_assistant_message_param import (
        ChatCompletionAssistantMessageParam as ChatCompletionAssistantMessageParam,
    )
    from gptkit.types.chat.chat_completion_audio import ChatCompletionAudio as ChatCompletionAudio
    from gptkit.types.chat.chat_completion_audio_param import (
        ChatCompletionAudioParam as ChatCompletionAudioParam,
    )
    from gptkit.types.chat.chat_completion_chunk import ChatCompletionChunk as ChatCompletionChunk
    from gptkit.types.chat.chat_completion_chunk import ChoiceDelta as ChoiceDelta
    from gptkit.types.chat.chat_completion_chunk import ChoiceDeltaFunctionCall as ChoiceDeltaFunctionCall
    from gptkit.types.chat.chat_completion_chunk import ChoiceDeltaToolCall as ChoiceDeltaToolCall
    from gptkit.types.chat.chat_completion_chunk import (
        ChoiceDeltaToolCallFunction as ChoiceDeltaToolCallFunction,
    )
    from gptkit.types.chat.chat_completion_content_part_image import (
        ChatCompletionContentPartImage as ChatCompletionContentPartImage,
    )
    from gptkit.types.chat.chat_completion_content_part_image_param import (
        ChatCompletionContentPartImageParam as ChatCompletionContentPartImageParam,
    )
    from gptkit.types.chat.chat_completion_content_part_input_audio_param import (
        ChatCompletionContentPartInputAudioParam as ChatCompletionContentPartInputAudioParam,
    )
    from gptkit.types.chat.chat_completion_content_part_param import (
        ChatCompletionContentPartParam as ChatCompletionContentPartParam,
    )
    from gptkit.types.chat.chat_completion_content_part_refusal_param import (
        ChatCompletionContentPartRefusalParam as ChatCompletionContentPartRefusalParam,
    )
    from gptkit.types.chat.chat_completion_content_part_text import (
        ChatCompletionContentPartText as ChatCompletionContentPartText,
    )
    from gptkit.types.chat.chat_completion_content_part_text_param import (
        ChatCompletionContentPartTextParam as ChatCompletionContentPartTextParam,
    )
    from gptkit.types.chat.chat_completion_custom_tool_param import (
        ChatCompletionCustomToolParam as ChatCompletionCustomToolParam,
    )
    from gptkit.types.chat.chat_completion_deleted import ChatCompletionDeleted as ChatCompletionDeleted
    from gptkit.types.chat.chat_completion_developer_message_param import (
        ChatCompletionDeveloperMessageParam as ChatCompletionDeveloperMessageParam,
    )
    from gptkit.types.chat.chat_completion_function_call_option_param import (
        ChatCompletionFunctionCallOptionParam as ChatCompletionFunctionCallOptionParam,
    )
    from gptkit.types.chat.chat_completion_function_message_param import (
        ChatCompletionFunctionMessageParam as ChatCompletionFunctionMessageParam,
    )
    from gptkit.types.chat.chat_completion_function_tool import (
        ChatCompletionFunctionTool as ChatCompletionFunctionTool,
    )
    from gptkit.types.chat.chat_completion_function_tool_param import (
        ChatCompletionFunctionToolParam as ChatCompletionFunctionToolParam,
    )
    from gptkit.types.chat.chat_completion_message import ChatCompletionMessage as ChatCompletionMessage
    from gptkit.types.chat.chat_completion_message import FunctionCall as FunctionCall
    from gptkit.types.chat.chat_completion_message_custom_tool_call import (
        ChatCompletionMessageCustomToolCall as ChatCompletionMessageCustomToolCall,
    )
    from gptkit.types.chat.chat_completion_message_custom_tool_call_param import (
        ChatCompletionMessageCustomToolCallParam as ChatCompletionMessageCustomToolCallParam,
    )
    from gptkit.types.chat.chat_completion_message_function_tool_call import (
        ChatCompletionMessageFunctionToolCall as ChatCompletionMessageFunctionToolCall,
    )
    from gptkit.types.chat.chat_completion_message_function_tool_call import Function as Function
    from gptkit.types.chat.chat_completion_message_function_tool_call_param import (
        ChatCompletionMessageFunctionToolCallParam as ChatCompletionMessageFunctionToolCallParam,
    )
    from gptkit.types.chat.chat_completion_message_param import (
        ChatCompletionMessageParam as ChatCompletionMessageParam,
    )
    from gptkit.types.chat.chat_completion_message_tool_call import (
        ChatCompletionMessageToolCall as ChatCompletionMessageToolCall,
    )
    from gptkit.types.chat.chat_completion_message_tool_call import (
        ChatCompletionMessageToolCallUnion as ChatCompletionMessageToolCallUnion,
    )
    from gptkit.types.chat.chat_completion_message_tool_call_param import (
        ChatCompletionMessageToolCallParam as ChatCompletionMessageToolCallParam,
    )
    from gptkit.types.chat.chat_completion_message_tool_call_union_param import (
        ChatCompletionMessageToolCallUnionParam as ChatCompletionMessageToolCallUnionParam,
    )
    from gptkit.types.chat.chat_completion_modality import ChatCompletionModality as ChatCompletionModality
    from gptkit.types.chat.chat_completion_named_tool_choice_custom_param import (
        ChatCompletionNamedToolChoiceCustomParam as ChatCompletionNamedToolChoiceCustomParam,
    )
    from gptkit.types.chat.chat_completion_named_tool_choice_param import (
        ChatCompletionNamedToolChoiceParam as ChatCompletionNamedToolChoiceParam,
    )
    from gptkit.types.chat.chat_completion_prediction_content_param import (
        ChatCompletionPredictionContentParam as ChatCompletionPredictionContentParam,
    )
    from gptkit.types.chat.chat_completion_reasoning_effort import (
        ChatCompletionReasoningEffort as ChatCompletionReasoningEffort,
    )
    from gptkit.types.chat.chat_completion_role import ChatCompletionRole as ChatCompletionRole
    from gptkit.types.chat.chat_completion_store_message import (
        ChatCompletionStoreMessage as ChatCompletionStoreMessage,
    )
    from gptkit.types.chat.chat_completion_stream_options_param import (
        ChatCompletionStreamOptionsParam as ChatCompletionStreamOptionsParam,
    )
    from gptkit.types.chat.chat_completion_system_message_param import (
        ChatCompletionSystemMessageParam as ChatCompletionSystemMessageParam,
    )
    from gptkit.types.chat.chat_completion_token_logprob import (
        ChatCompletionTokenLogprob as ChatCompletionTokenLogprob,
    )
    from gptkit.types.chat.chat_completion_token_logprob import TopLogprob as TopLogprob
    from gptkit.types.chat.chat_completion_tool_choice_option_param import (
        ChatCompletionToolChoiceOptionParam as ChatCompletionToolChoiceOptionParam,
    )
    from gptkit.types.chat.chat_completion_tool_message_param import (
        ChatCompletionToolMessageParam as ChatCompletionToolMessageParam,
    )
    from gptkit.types.chat.chat_completion_tool_param import (
        ChatCompletionToolParam as ChatCompletionToolParam,
    )
    from gptkit.types.chat.chat_completion_tool_union_param import (
        ChatCompletionToolUnionParam as ChatCompletionToolUnionParam,
    )
    from gptkit.types.chat.chat_completion_user_message_param import (
        ChatCompletionUserMessageParam as ChatCompletionUserMessageParam,
    )
    from gptkit.types.chat.completion_create_params import CompletionCreateParams as CompletionCreateParams
    from gptkit.types.chat.completion_list_params import CompletionListParams as CompletionListParams
    from gptkit.types.chat.completion_update_params import CompletionUpdateParams as CompletionUpdateParams
    from gptkit.types.chat.create_chat_completion_request_message_param import (
        CreateChatCompletionRequestMessageParam as CreateChatCompletionRequestMessageParam,
    )
    from gptkit.types.chat.parsed_chat_completion import ParsedChatCompletion as ParsedChatCompletion
    from gptkit.types.chat.parsed_chat_completion import (
        ParsedChatCompletionMessage as ParsedChatCompletionMessage,
    )
    from gptkit.types.chat.parsed_chat_completion import ParsedChoice as ParsedChoice
    from gptkit.types.chat.parsed_function_tool_call import ParsedFunction as ParsedFunction
    from gptkit.types.chat.parsed_function_tool_call import ParsedFunctionToolCall as ParsedFunctionToolCall

#: Submodule -> the names it gives this package.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "chat_completion": ("ChatCompletion", "Choice", "ChoiceLogprobs",),
    "chat_completion_allowed_tool_choice_param": ("ChatCompletionAllowedToolChoiceParam",),
    "chat_completion_allowed_tools_param": ("ChatCompletionAllowedToolsParam",),
    "chat_completion_assistant_message_param": ("ChatCompletionAssistantMessageParam",),
    "chat_completion_audio": ("ChatCompletionAudio",),
    "chat_completion_audio_param": ("ChatCompletionAudioParam",),
    "chat_completion_chunk": (
        "ChatCompletionChunk",
        "ChoiceDelta",
        "ChoiceDeltaFunctionCall",
        "ChoiceDeltaToolCall",
        "ChoiceDeltaToolCallFunction",
    ),
    "chat_completion_content_part_image": ("ChatCompletionContentPartImage",),
    "chat_completion_content_part_image_param": ("ChatCompletionContentPartImageParam",),
    "chat_completion_content_part_input_audio_param": ("ChatCompletionContentPartInputAudioParam",),
    "chat_completion_content_part_param": ("ChatCompletionContentPartParam",),
    "chat_completion_content_part_refusal_param": ("ChatCompletionContentPartRefusalParam",),
    "chat_completion_content_part_text": ("ChatCompletionContentPartText",),
    "chat_completion_content_part_text_param": ("ChatCompletionContentPartTextParam",),
    "chat_completion_custom_tool_param": ("ChatCompletionCustomToolParam",),
    "chat_completion_deleted": ("ChatCompletionDeleted",),
    "chat_completion_developer_message_param": ("ChatCompletionDeveloperMessageParam",),
    "chat_completion_function_call_option_param": ("ChatCompletionFunctionCallOptionParam",),
    "chat_completion_function_message_param": ("ChatCompletionFunctionMessageParam",),
    "chat_completion_function_tool": ("ChatCompletionFunctionTool",),
    "chat_completion_function_tool_param": ("ChatCompletionFunctionToolParam",),
    "chat_completion_message": ("ChatCompletionMessage", "FunctionCall",),
    "chat_completion_message_custom_tool_call": ("ChatCompletionMessageCustomToolCall",),
    "chat_completion_message_custom_tool_call_param": ("ChatCompletionMessageCustomToolCallParam",),
    "chat_completion_message_function_tool_call": ("ChatCompletionMessageFunctionToolCall", "Function",),
    "chat_completion_message_function_tool_call_param": ("ChatCompletionMessageFunctionToolCallParam",),
    "chat_completion_message_param": ("ChatCompletionMessageParam",),
    "chat_completion_message_tool_call": (
        "ChatCompletionMessageToolCall",
        "ChatCompletionMessageToolCallUnion",
    ),
    "chat_completion_message_tool_call_param": ("ChatCompletionMessageToolCallParam",),
    "chat_completion_message_tool_call_union_param": ("ChatCompletionMessageToolCallUnionParam",),
    "chat_completion_modality": ("ChatCompletionModality",),
    "chat_completion_named_tool_choice_custom_param": ("ChatCompletionNamedToolChoiceCustomParam",),
    "chat_completion_named_tool_choice_param": ("ChatCompletionNamedToolChoiceParam",),
    "chat_completion_prediction_content_param": ("ChatCompletionPredictionContentParam",),
    "chat_completion_reasoning_effort": ("ChatCompletionReasoningEffort",),
    "chat_completion_role": ("ChatCompletionRole",),
    "chat_completion_store_message": ("ChatCompletionStoreMessage",),
    "chat_completion_stream_options_param": ("ChatCompletionStreamOptionsParam",),
    "chat_completion_system_message_param": ("ChatCompletionSystemMessageParam",),
    "chat_completion_token_logprob": ("ChatCompletionTokenLogprob", "TopLogprob",),
    "chat_completion_tool_choice_option_param": ("ChatCompletionToolChoiceOptionParam",),
    "chat_completion_tool_message_param": ("ChatCompletionToolMessageParam",),
    "chat_completion_tool_param": ("ChatCompletionToolParam",),
    "chat_completion_tool_union_param": ("ChatCompletionToolUnionParam",),
    "chat_completion_user_message_param": ("ChatCompletionUserMessageParam",),
    "completion_create_params": ("CompletionCreateParams",),
    "completion_list_params": ("CompletionListParams",),
    "completion_update_params": ("CompletionUpdateParams",),
    "create_chat_completion_request_message_param": ("CreateChatCompletionRequestMessageParam",),
    "parsed_chat_completion": ("ParsedChatCompletion", "ParsedChatCompletionMessage", "ParsedChoice",),
    "parsed_function_tool_call": ("ParsedFunction", "ParsedFunctionToolCall",),
    "_aliases": ("ChunkChoice",),
}

__getattr__: Callable[[str], Any]
__dir__: Callable[[], list[str]]
__getattr__, __dir__ = lazy_package(__name__, _EXPORTS)

__all__ = [
    "ChatCompletion",
    "ChatCompletionAllowedToolChoiceParam",
    "ChatCompletionAllowedToolsParam",
    "ChatCompletionAssistantMessageParam",
    "ChatCompletionAudio",
    "ChatCompletionAudioParam",
    "ChatCompletionChunk",
    "ChatCompletionContentPartImage",
    "ChatCompletionContentPartImageParam",
    "ChatCompletionContentPartInputAudioParam",
    "ChatCompletionContentPartParam",
    "ChatCompletionContentPartRefusalParam",
    "ChatCompletionContentPartText",
    "ChatCompletionContentPartTextParam",
    "ChatCompletionCustomToolParam",
    "ChatCompletionDeleted",
    "ChatCompletionDeveloperMessageParam",
    "ChatCompletionFunctionCallOptionParam",
    "ChatCompletionFunctionMessageParam",
    "ChatCompletionFunctionTool",
    "ChatCompletionFunctionToolParam",
    "ChatCompletionMessage",
    "ChatCompletionMessageCustomToolCall",
    "ChatCompletionMessageCustomToolCallParam",
    "ChatCompletionMessageFunctionToolCall",
    "ChatCompletionMessageFunctionToolCallParam",
    "ChatCompletionMessageParam",
    "ChatCompletionMessageToolCall",
    "ChatCompletionMessageToolCallParam",
    "ChatCompletionMessageToolCallUnion",
    "ChatCompletionMessageToolCallUnionParam",
    "ChatCompletionModality",
    "ChatCompletionNamedToolChoiceCustomParam",
    "ChatCompletionNamedToolChoiceParam",
    "ChatCompletionPredictionContentParam",
    "ChatCompletionReasoningEffort",
    "ChatCompletionRole",
    "ChatCompletionStoreMessage",
    "ChatCompletionStreamOptionsParam",
    "ChatCompletionSystemMessageParam",
    "ChatCompletionTokenLogprob",
    "ChatCompletionToolChoiceOptionParam",
    "ChatCompletionToolMessageParam",
    "ChatCompletionToolParam",
    "ChatCompletionToolUnionParam",
    "ChatCompletionUserMessageParam",
    "Choice",
    "ChoiceDelta",
    "ChoiceDeltaFunctionCall",
    "ChoiceDeltaToolCall",
    "ChoiceDeltaToolCallFunction",
    "ChoiceLogprobs",
    "ChunkChoice",
    "CompletionCreateParams",
    "CompletionListParams",
    "CompletionUpdateParams",
    "CreateChatCompletionRequestMessageParam",
    "Function",
    "FunctionCall",
    "ParsedChatCompletion",
    "ParsedChatCompletionMessage",
    "ParsedChoice",
    "ParsedFunction",
    "ParsedFunctionToolCall",
    "TopLogprob",
]
