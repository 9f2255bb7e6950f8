"""Wire types: pydantic models of every response and TypedDicts of every request's parameters.

The submodules load on first use of one of their names (``gptkit.types.ChatCompletion`` imports
``gptkit.types.chat``), so that ``import gptkit`` does not build every pydantic model
(``tests/test_import_budget.py``). Type checkers and IDEs see the imports below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gptkit.types._base import APIObject, BilledObject, ResponseObject
    from gptkit.types.batch import (
        BATCH_TERMINAL_STATUSES,
        Batch,
        BatchCreateParams,
        BatchError,
        BatchErrors,
        BatchList,
        BatchRequestCounts,
    )
    from gptkit.types.chat import (
        ChatCompletion,
        ChatCompletionChunk,
        ChatCompletionMessage,
        ChatCompletionMessageToolCall,
        ChatCompletionTokenLogprob,
        Choice,
        ChoiceDelta,
        ChoiceDeltaFunctionCall,
        ChoiceDeltaToolCall,
        ChoiceDeltaToolCallFunction,
        ChoiceLogprobs,
        ChunkChoice,
        Function,
        FunctionCall,
        TopLogprob,
    )
    from gptkit.types.chat_params import (
        ChatCompletionAssistantMessageParam,
        ChatCompletionContentPartImageParam,
        ChatCompletionContentPartInputAudioParam,
        ChatCompletionContentPartParam,
        ChatCompletionContentPartRefusalParam,
        ChatCompletionContentPartTextParam,
        ChatCompletionCreateArgs,
        ChatCompletionCreateParams,
        ChatCompletionDeveloperMessageParam,
        ChatCompletionFunctionMessageParam,
        ChatCompletionMessageParam,
        ChatCompletionMessageToolCallParam,
        ChatCompletionNamedToolChoiceParam,
        ChatCompletionParseArgs,
        ChatCompletionStreamOptionsParam,
        ChatCompletionSystemMessageParam,
        ChatCompletionToolChoiceOptionParam,
        ChatCompletionToolMessageParam,
        ChatCompletionToolParam,
        ChatCompletionUserMessageParam,
        FunctionDefinition,
        ResponseFormat,
        ResponseFormatJSONSchema,
    )
    from gptkit.types.completion import Completion, CompletionChoice, CompletionLogprobs
    from gptkit.types.completion_params import (
        CompletionCreateArgs,
        CompletionCreateParams,
        EmbeddingCreateParams,
    )
    from gptkit.types.content_filter import (
        ContentFilterBlocklistIdResult,
        ContentFilterBlocklistResult,
        ContentFilterCitation,
        ContentFilterCodeResult,
        ContentFilterDetectedResult,
        ContentFilterErrorDetail,
        ContentFilterResults,
        ContentFilterSeverityResult,
        PromptFilterResult,
    )
    from gptkit.types.cost import Cost
    from gptkit.types.embedding import CreateEmbeddingResponse, Embedding, EmbeddingUsage
    from gptkit.types.file import BinaryContent, FileCreateParams, FileDeleted, FileList, FileObject
    from gptkit.types.model import Model, ModelList
    from gptkit.types.moderation import Moderation
    from gptkit.types.moderation_create_params import (
        ModerationCreateParams,
        ModerationImageURLInputParam,
        ModerationModel,
        ModerationMultiModalInputParam,
        ModerationTextInputParam,
    )
    from gptkit.types.moderation_create_response import ModerationCreateResponse
    from gptkit.types.parsed_chat import (
        ParsedChatCompletion,
        ParsedChatCompletionMessage,
        ParsedChoice,
        ParsedFunction,
        ParsedFunctionToolCall,
    )
    from gptkit.types.request_options import RequestOptions
    from gptkit.types.shared import CompletionTokensDetails, CompletionUsage, PromptTokensDetails


#: Public name -> the submodule that defines it (``__getattr__`` imports it on first use).
_SUBMODULES: dict[str, str] = {
    "APIObject": "_base",
    "BilledObject": "_base",
    "ResponseObject": "_base",
    "BATCH_TERMINAL_STATUSES": "batch",
    "Batch": "batch",
    "BatchCreateParams": "batch",
    "BatchError": "batch",
    "BatchErrors": "batch",
    "BatchList": "batch",
    "BatchRequestCounts": "batch",
    "ChatCompletion": "chat",
    "ChatCompletionChunk": "chat",
    "ChatCompletionMessage": "chat",
    "ChatCompletionMessageToolCall": "chat",
    "ChatCompletionTokenLogprob": "chat",
    "Choice": "chat",
    "ChoiceDelta": "chat",
    "ChoiceDeltaFunctionCall": "chat",
    "ChoiceDeltaToolCall": "chat",
    "ChoiceDeltaToolCallFunction": "chat",
    "ChoiceLogprobs": "chat",
    "ChunkChoice": "chat",
    "Function": "chat",
    "FunctionCall": "chat",
    "TopLogprob": "chat",
    "ChatCompletionAssistantMessageParam": "chat_params",
    "ChatCompletionContentPartImageParam": "chat_params",
    "ChatCompletionContentPartInputAudioParam": "chat_params",
    "ChatCompletionContentPartParam": "chat_params",
    "ChatCompletionContentPartRefusalParam": "chat_params",
    "ChatCompletionContentPartTextParam": "chat_params",
    "ChatCompletionCreateArgs": "chat_params",
    "ChatCompletionCreateParams": "chat_params",
    "ChatCompletionDeveloperMessageParam": "chat_params",
    "ChatCompletionFunctionMessageParam": "chat_params",
    "ChatCompletionMessageParam": "chat_params",
    "ChatCompletionMessageToolCallParam": "chat_params",
    "ChatCompletionNamedToolChoiceParam": "chat_params",
    "ChatCompletionParseArgs": "chat_params",
    "ChatCompletionStreamOptionsParam": "chat_params",
    "ChatCompletionSystemMessageParam": "chat_params",
    "ChatCompletionToolChoiceOptionParam": "chat_params",
    "ChatCompletionToolMessageParam": "chat_params",
    "ChatCompletionToolParam": "chat_params",
    "ChatCompletionUserMessageParam": "chat_params",
    "FunctionDefinition": "chat_params",
    "ResponseFormat": "chat_params",
    "ResponseFormatJSONSchema": "chat_params",
    "Completion": "completion",
    "CompletionChoice": "completion",
    "CompletionLogprobs": "completion",
    "CompletionCreateArgs": "completion_params",
    "CompletionCreateParams": "completion_params",
    "EmbeddingCreateParams": "completion_params",
    "ContentFilterBlocklistIdResult": "content_filter",
    "ContentFilterBlocklistResult": "content_filter",
    "ContentFilterCitation": "content_filter",
    "ContentFilterCodeResult": "content_filter",
    "ContentFilterDetectedResult": "content_filter",
    "ContentFilterErrorDetail": "content_filter",
    "ContentFilterResults": "content_filter",
    "ContentFilterSeverityResult": "content_filter",
    "PromptFilterResult": "content_filter",
    "Cost": "cost",
    "CreateEmbeddingResponse": "embedding",
    "Embedding": "embedding",
    "EmbeddingUsage": "embedding",
    "BinaryContent": "file",
    "FileCreateParams": "file",
    "FileDeleted": "file",
    "FileList": "file",
    "FileObject": "file",
    "Model": "model",
    "ModelList": "model",
    "ParsedChatCompletion": "parsed_chat",
    "ParsedChatCompletionMessage": "parsed_chat",
    "ParsedChoice": "parsed_chat",
    "ParsedFunction": "parsed_chat",
    "ParsedFunctionToolCall": "parsed_chat",
    "RequestOptions": "request_options",
    "CompletionTokensDetails": "shared",
    "CompletionUsage": "shared",
    "PromptTokensDetails": "shared",
    "Moderation": "moderation",
    "ModerationCreateResponse": "moderation_create_response",
    "ModerationCreateParams": "moderation_create_params",
    "ModerationImageURLInputParam": "moderation_create_params",
    "ModerationModel": "moderation_create_params",
    "ModerationMultiModalInputParam": "moderation_create_params",
    "ModerationTextInputParam": "moderation_create_params",
}
#: The submodules themselves (``gptkit.types.chat``), imported on first access too.
_MODULES = frozenset(_SUBMODULES.values())


def __getattr__(name: str) -> Any:
    import importlib

    if name in _MODULES:  # ``import gptkit.types`` used to import them all: ``gptkit.types.chat``
        return importlib.import_module(f"gptkit.types.{name}")
    submodule = _SUBMODULES.get(name)
    if submodule is None:
        raise AttributeError(f"module 'gptkit.types' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"gptkit.types.{submodule}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_SUBMODULES))


__all__ = [
    "BATCH_TERMINAL_STATUSES",
    "APIObject",
    "Batch",
    "BatchCreateParams",
    "BatchError",
    "BatchErrors",
    "BatchList",
    "BatchRequestCounts",
    "BilledObject",
    "BinaryContent",
    "ChatCompletion",
    "ChatCompletionAssistantMessageParam",
    "ChatCompletionChunk",
    "ChatCompletionContentPartImageParam",
    "ChatCompletionContentPartInputAudioParam",
    "ChatCompletionContentPartParam",
    "ChatCompletionContentPartRefusalParam",
    "ChatCompletionContentPartTextParam",
    "ChatCompletionCreateArgs",
    "ChatCompletionCreateParams",
    "ChatCompletionDeveloperMessageParam",
    "ChatCompletionFunctionMessageParam",
    "ChatCompletionMessage",
    "ChatCompletionMessageParam",
    "ChatCompletionMessageToolCall",
    "ChatCompletionMessageToolCallParam",
    "ChatCompletionNamedToolChoiceParam",
    "ChatCompletionParseArgs",
    "ChatCompletionStreamOptionsParam",
    "ChatCompletionSystemMessageParam",
    "ChatCompletionTokenLogprob",
    "ChatCompletionToolChoiceOptionParam",
    "ChatCompletionToolMessageParam",
    "ChatCompletionToolParam",
    "ChatCompletionUserMessageParam",
    "Choice",
    "ChoiceDelta",
    "ChoiceDeltaFunctionCall",
    "ChoiceDeltaToolCall",
    "ChoiceDeltaToolCallFunction",
    "ChoiceLogprobs",
    "ChunkChoice",
    "Completion",
    "CompletionChoice",
    "CompletionCreateArgs",
    "CompletionCreateParams",
    "CompletionLogprobs",
    "CompletionTokensDetails",
    "CompletionUsage",
    "ContentFilterBlocklistIdResult",
    "ContentFilterBlocklistResult",
    "ContentFilterCitation",
    "ContentFilterCodeResult",
    "ContentFilterDetectedResult",
    "ContentFilterErrorDetail",
    "ContentFilterResults",
    "ContentFilterSeverityResult",
    "Cost",
    "CreateEmbeddingResponse",
    "Embedding",
    "EmbeddingCreateParams",
    "EmbeddingUsage",
    "FileCreateParams",
    "FileDeleted",
    "FileList",
    "FileObject",
    "Function",
    "FunctionCall",
    "FunctionDefinition",
    "Model",
    "ModelList",
    "Moderation",
    "ModerationCreateParams",
    "ModerationCreateResponse",
    "ModerationImageURLInputParam",
    "ModerationModel",
    "ModerationMultiModalInputParam",
    "ModerationTextInputParam",
    "ParsedChatCompletion",
    "ParsedChatCompletionMessage",
    "ParsedChoice",
    "ParsedFunction",
    "ParsedFunctionToolCall",
    "PromptFilterResult",
    "PromptTokensDetails",
    "RequestOptions",
    "ResponseFormat",
    "ResponseFormatJSONSchema",
    "ResponseObject",
    "TopLogprob",
]
