"""Wire types, at the official package's module paths (``openai.types``).

Response models (pydantic) and request parameters (TypedDicts) live in the submodule of the same
path as in ``openai.types`` (``gptkit.types.chat.chat_completion.ChatCompletion``,
``gptkit.types.shared_params.FunctionDefinition``...). Names load with their submodule on first
use (``gptkit.types.ChatCompletion`` imports only the chat completion modules), so that
``import gptkit`` does not build every pydantic model (``tests/test_import_budget.py``). Type
checkers and IDEs read the imports below.

Besides the official names, gptkit keeps its own (``Cost``, ``ModelList``, ``ContentFilterResults``,
the chat types it exported here before...). ``FunctionDefinition``, ``ResponseFormatJSONSchema``,
``CompletionCreateParams`` and ``FileCreateParams`` mean what they mean in ``openai.types``.

To export a name here: import it under ``TYPE_CHECKING`` (``from gptkit.types.x import Name as
Name``), add it to ``EXPORTS`` (``gptkit/types/_exports.py``) under its submodule, and to
``__all__``; a subpackage whose names stay in it (``gptkit.types.audio``) gets an entry with no
names. ``tests/test_types_layout.py``
checks that the three agree. ``chat``, ``shared`` and ``shared_params`` work the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gptkit.types._exports import EXPORTS as _EXPORTS
from gptkit.types._lazy import lazy_package

if TYPE_CHECKING:
    from gptkit.types._base import APIObject as APIObject
    from gptkit.types._base import BilledObject as BilledObject
    from gptkit.types._base import ResponseObject as ResponseObject
    from gptkit.types.audio_model import AudioModel as AudioModel
    from gptkit.types.audio_response_format import AudioResponseFormat as AudioResponseFormat
    from gptkit.types.batch import BATCH_TERMINAL_STATUSES as BATCH_TERMINAL_STATUSES
    from gptkit.types.batch import Batch as Batch
    from gptkit.types.batch import BatchErrors as BatchErrors
    from gptkit.types.batch import BatchList as BatchList
    from gptkit.types.batch_create_params import BatchCreateParams as BatchCreateParams
    from gptkit.types.batch_error import BatchError as BatchError
    from gptkit.types.batch_list_params import BatchListParams as BatchListParams
    from gptkit.types.batch_request_counts import BatchRequestCounts as BatchRequestCounts
    from gptkit.types.batch_usage import BatchUsage as BatchUsage
    from gptkit.types.chat._aliases import ChunkChoice as ChunkChoice
    from gptkit.types.chat.chat_completion import ChatCompletion as ChatCompletion
    from gptkit.types.chat.chat_completion import Choice as Choice
    from gptkit.types.chat.chat_completion import ChoiceLogprobs as ChoiceLogprobs
    from gptkit.types.chat.chat_completion_assistant_message_param import (
        ChatCompletionAssistantMessageParam as ChatCompletionAssistantMessageParam,
    )
    from gptkit.types.chat.chat_completion_chunk import ChatCompletionChunk as ChatCompletionChunk
    from gptkit.types.chat.chat_completion_chunk import ChoiceDelta as ChoiceDelta
    from gptkit.types.chat.chat_completion_chunk import ChoiceDeltaFunctionCall as ChoiceDeltaFunctionCall
    from gptkit.types.chat.chat_completion_chunk import ChoiceDeltaToolCall as ChoiceDeltaToolCall
    from gptkit.types.chat.chat_completion_chunk import (
        ChoiceDeltaToolCallFunction as ChoiceDeltaToolCallFunction,
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
    from gptkit.types.chat.chat_completion_content_part_text_param import (
        ChatCompletionContentPartTextParam as ChatCompletionContentPartTextParam,
    )
    from gptkit.types.chat.chat_completion_developer_message_param import (
        ChatCompletionDeveloperMessageParam as ChatCompletionDeveloperMessageParam,
    )
    from gptkit.types.chat.chat_completion_function_message_param import (
        ChatCompletionFunctionMessageParam as ChatCompletionFunctionMessageParam,
    )
    from gptkit.types.chat.chat_completion_message import ChatCompletionMessage as ChatCompletionMessage
    from gptkit.types.chat.chat_completion_message import FunctionCall as FunctionCall
    from gptkit.types.chat.chat_completion_message_function_tool_call import Function as Function
    from gptkit.types.chat.chat_completion_message_param import (
        ChatCompletionMessageParam as ChatCompletionMessageParam,
    )
    from gptkit.types.chat.chat_completion_message_tool_call import (
        ChatCompletionMessageToolCall as ChatCompletionMessageToolCall,
    )
    from gptkit.types.chat.chat_completion_message_tool_call_param import (
        ChatCompletionMessageToolCallParam as ChatCompletionMessageToolCallParam,
    )
    from gptkit.types.chat.chat_completion_named_tool_choice_param import (
        ChatCompletionNamedToolChoiceParam as ChatCompletionNamedToolChoiceParam,
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
    from gptkit.types.chat.chat_completion_user_message_param import (
        ChatCompletionUserMessageParam as ChatCompletionUserMessageParam,
    )
    from gptkit.types.chat.completion_create_params import (
        ChatCompletionCreateArgs as ChatCompletionCreateArgs,
    )
    from gptkit.types.chat.completion_create_params import (
        ChatCompletionCreateParams as ChatCompletionCreateParams,
    )
    from gptkit.types.chat.completion_create_params import ChatCompletionParseArgs as ChatCompletionParseArgs
    from gptkit.types.chat.completion_create_params import ResponseFormat as ResponseFormat
    from gptkit.types.chat.parsed_chat_completion import ParsedChatCompletion as ParsedChatCompletion
    from gptkit.types.chat.parsed_chat_completion import (
        ParsedChatCompletionMessage as ParsedChatCompletionMessage,
    )
    from gptkit.types.chat.parsed_chat_completion import ParsedChoice as ParsedChoice
    from gptkit.types.chat.parsed_function_tool_call import ParsedFunction as ParsedFunction
    from gptkit.types.chat.parsed_function_tool_call import ParsedFunctionToolCall as ParsedFunctionToolCall
    from gptkit.types.chat_model import ChatModel as ChatModel
    from gptkit.types.completion import Completion as Completion
    from gptkit.types.completion import CompletionLogprobs as CompletionLogprobs
    from gptkit.types.completion_choice import CompletionChoice as CompletionChoice
    from gptkit.types.completion_create_params import CompletionCreateArgs as CompletionCreateArgs
    from gptkit.types.completion_create_params import CompletionCreateParams as CompletionCreateParams
    from gptkit.types.completion_create_params import TextCompletionCreateParams as TextCompletionCreateParams
    from gptkit.types.completion_usage import CompletionTokensDetails as CompletionTokensDetails
    from gptkit.types.completion_usage import CompletionUsage as CompletionUsage
    from gptkit.types.completion_usage import PromptTokensDetails as PromptTokensDetails
    from gptkit.types.content_filter import ContentFilterBlocklistIdResult as ContentFilterBlocklistIdResult
    from gptkit.types.content_filter import ContentFilterBlocklistResult as ContentFilterBlocklistResult
    from gptkit.types.content_filter import ContentFilterCitation as ContentFilterCitation
    from gptkit.types.content_filter import ContentFilterCodeResult as ContentFilterCodeResult
    from gptkit.types.content_filter import ContentFilterDetectedResult as ContentFilterDetectedResult
    from gptkit.types.content_filter import ContentFilterErrorDetail as ContentFilterErrorDetail
    from gptkit.types.content_filter import ContentFilterResults as ContentFilterResults
    from gptkit.types.content_filter import ContentFilterSeverityResult as ContentFilterSeverityResult
    from gptkit.types.content_filter import PromptFilterResult as PromptFilterResult
    from gptkit.types.cost import Cost as Cost
    from gptkit.types.create_embedding_response import CreateEmbeddingResponse as CreateEmbeddingResponse
    from gptkit.types.embedding import Embedding as Embedding
    from gptkit.types.embedding import EmbeddingUsage as EmbeddingUsage
    from gptkit.types.embedding_create_params import EmbeddingCreateParams as EmbeddingCreateParams
    from gptkit.types.embedding_model import EmbeddingModel as EmbeddingModel
    from gptkit.types.file_chunking_strategy import FileChunkingStrategy as FileChunkingStrategy
    from gptkit.types.file_chunking_strategy import (
        OtherFileChunkingStrategyObject as OtherFileChunkingStrategyObject,
    )
    from gptkit.types.file_chunking_strategy import StaticFileChunkingStrategy as StaticFileChunkingStrategy
    from gptkit.types.file_chunking_strategy import (
        StaticFileChunkingStrategyObject as StaticFileChunkingStrategyObject,
    )
    from gptkit.types.file_chunking_strategy_param import (
        AutoFileChunkingStrategyParam as AutoFileChunkingStrategyParam,
    )
    from gptkit.types.file_chunking_strategy_param import (
        FileChunkingStrategyParam as FileChunkingStrategyParam,
    )
    from gptkit.types.file_chunking_strategy_param import (
        StaticFileChunkingStrategyObjectParam as StaticFileChunkingStrategyObjectParam,
    )
    from gptkit.types.file_chunking_strategy_param import (
        StaticFileChunkingStrategyParam as StaticFileChunkingStrategyParam,
    )
    from gptkit.types.file_content import FileContent as FileContent
    from gptkit.types.file_create_params import FileCreateParams as FileCreateParams
    from gptkit.types.file_deleted import FileDeleted as FileDeleted
    from gptkit.types.file_list import BinaryContent as BinaryContent
    from gptkit.types.file_list import FileList as FileList
    from gptkit.types.file_list_params import FileListParams as FileListParams
    from gptkit.types.file_object import FileObject as FileObject
    from gptkit.types.file_purpose import FilePurpose as FilePurpose
    from gptkit.types.image import Image as Image
    from gptkit.types.image_create_variation_params import (
        ImageCreateVariationParams as ImageCreateVariationParams,
    )
    from gptkit.types.image_edit_completed_event import ImageEditCompletedEvent as ImageEditCompletedEvent
    from gptkit.types.image_edit_params import ImageEditParams as ImageEditParams
    from gptkit.types.image_edit_partial_image_event import (
        ImageEditPartialImageEvent as ImageEditPartialImageEvent,
    )
    from gptkit.types.image_edit_stream_event import ImageEditStreamEvent as ImageEditStreamEvent
    from gptkit.types.image_gen_completed_event import ImageGenCompletedEvent as ImageGenCompletedEvent
    from gptkit.types.image_gen_partial_image_event import (
        ImageGenPartialImageEvent as ImageGenPartialImageEvent,
    )
    from gptkit.types.image_gen_stream_event import ImageGenStreamEvent as ImageGenStreamEvent
    from gptkit.types.image_generate_params import ImageGenerateParams as ImageGenerateParams
    from gptkit.types.image_input_reference_param import ImageInputReferenceParam as ImageInputReferenceParam
    from gptkit.types.image_model import ImageModel as ImageModel
    from gptkit.types.images_response import ImagesResponse as ImagesResponse
    from gptkit.types.model import Model as Model
    from gptkit.types.model import ModelList as ModelList
    from gptkit.types.model_deleted import ModelDeleted as ModelDeleted
    from gptkit.types.moderation import Moderation as Moderation
    from gptkit.types.moderation_create_params import ModerationCreateParams as ModerationCreateParams
    from gptkit.types.moderation_create_params import (
        ModerationImageURLInputParam as ModerationImageURLInputParam,
    )
    from gptkit.types.moderation_create_params import ModerationModel as ModerationModel
    from gptkit.types.moderation_create_params import (
        ModerationMultiModalInputParam as ModerationMultiModalInputParam,
    )
    from gptkit.types.moderation_create_params import ModerationTextInputParam as ModerationTextInputParam
    from gptkit.types.moderation_create_response import ModerationCreateResponse as ModerationCreateResponse
    from gptkit.types.request_options import RequestOptions as RequestOptions
    from gptkit.types.responses import EasyInputMessageParam as EasyInputMessageParam
    from gptkit.types.responses import FunctionToolParam as FunctionToolParam
    from gptkit.types.responses import InputTokenCountResponse as InputTokenCountResponse
    from gptkit.types.responses import Response as Response
    from gptkit.types.responses import ResponseCompletedEvent as ResponseCompletedEvent
    from gptkit.types.responses import ResponseCreateParams as ResponseCreateParams
    from gptkit.types.responses import ResponseError as ResponseError
    from gptkit.types.responses import ResponseFunctionToolCall as ResponseFunctionToolCall
    from gptkit.types.responses import ResponseInputItemParam as ResponseInputItemParam
    from gptkit.types.responses import ResponseInputParam as ResponseInputParam
    from gptkit.types.responses import ResponseItem as ResponseItem
    from gptkit.types.responses import ResponseItemList as ResponseItemList
    from gptkit.types.responses import ResponseOutputItem as ResponseOutputItem
    from gptkit.types.responses import ResponseOutputMessage as ResponseOutputMessage
    from gptkit.types.responses import ResponseOutputRefusal as ResponseOutputRefusal
    from gptkit.types.responses import ResponseOutputText as ResponseOutputText
    from gptkit.types.responses import ResponseReasoningItem as ResponseReasoningItem
    from gptkit.types.responses import ResponseStatus as ResponseStatus
    from gptkit.types.responses import ResponseStreamEvent as ResponseStreamEvent
    from gptkit.types.responses import ResponseTextConfigParam as ResponseTextConfigParam
    from gptkit.types.responses import ResponseTextDeltaEvent as ResponseTextDeltaEvent
    from gptkit.types.responses import ResponseUsage as ResponseUsage
    from gptkit.types.responses import ToolParam as ToolParam
    from gptkit.types.responses import UnknownOutputItem as UnknownOutputItem
    from gptkit.types.responses import UnknownStreamEvent as UnknownStreamEvent
    from gptkit.types.shared.all_models import AllModels as AllModels
    from gptkit.types.shared.comparison_filter import ComparisonFilter as ComparisonFilter
    from gptkit.types.shared.compound_filter import CompoundFilter as CompoundFilter
    from gptkit.types.shared.custom_tool_input_format import CustomToolInputFormat as CustomToolInputFormat
    from gptkit.types.shared.error_object import ErrorObject as ErrorObject
    from gptkit.types.shared.function_definition import FunctionDefinition as FunctionDefinition
    from gptkit.types.shared.function_parameters import FunctionParameters as FunctionParameters
    from gptkit.types.shared.metadata import Metadata as Metadata
    from gptkit.types.shared.oauth_error_code import OAuthErrorCode as OAuthErrorCode
    from gptkit.types.shared.reasoning import Reasoning as Reasoning
    from gptkit.types.shared.reasoning_effort import ReasoningEffort as ReasoningEffort
    from gptkit.types.shared.response_format_json_object import (
        ResponseFormatJSONObject as ResponseFormatJSONObject,
    )
    from gptkit.types.shared.response_format_json_schema import (
        ResponseFormatJSONSchema as ResponseFormatJSONSchema,
    )
    from gptkit.types.shared.response_format_text import ResponseFormatText as ResponseFormatText
    from gptkit.types.shared.response_format_text_grammar import (
        ResponseFormatTextGrammar as ResponseFormatTextGrammar,
    )
    from gptkit.types.shared.response_format_text_python import (
        ResponseFormatTextPython as ResponseFormatTextPython,
    )
    from gptkit.types.shared.responses_model import ResponsesModel as ResponsesModel
    from gptkit.types.upload import Upload as Upload
    from gptkit.types.upload_complete_params import UploadCompleteParams as UploadCompleteParams
    from gptkit.types.upload_create_params import UploadCreateParams as UploadCreateParams
    from gptkit.types.vector_store import VectorStore as VectorStore
    from gptkit.types.vector_store_create_params import VectorStoreCreateParams as VectorStoreCreateParams
    from gptkit.types.vector_store_deleted import VectorStoreDeleted as VectorStoreDeleted
    from gptkit.types.vector_store_list_params import VectorStoreListParams as VectorStoreListParams
    from gptkit.types.vector_store_search_params import VectorStoreSearchParams as VectorStoreSearchParams
    from gptkit.types.vector_store_search_response import (
        VectorStoreSearchResponse as VectorStoreSearchResponse,
    )
    from gptkit.types.vector_store_update_params import VectorStoreUpdateParams as VectorStoreUpdateParams

__getattr__: Callable[[str], Any]
__dir__: Callable[[], list[str]]
__getattr__, __dir__ = lazy_package(__name__, _EXPORTS)

__all__ = [
    "BATCH_TERMINAL_STATUSES", "APIObject", "AllModels", "AudioModel", "AudioResponseFormat",
    "AutoFileChunkingStrategyParam", "Batch", "BatchCreateParams", "BatchError", "BatchErrors", "BatchList",
    "BatchListParams", "BatchRequestCounts", "BatchUsage", "BilledObject", "BinaryContent",
    "ChatCompletion", "ChatCompletionAssistantMessageParam", "ChatCompletionChunk",
    "ChatCompletionContentPartImageParam", "ChatCompletionContentPartInputAudioParam",
    "ChatCompletionContentPartParam", "ChatCompletionContentPartRefusalParam",
    "ChatCompletionContentPartTextParam", "ChatCompletionCreateArgs", "ChatCompletionCreateParams",
    "ChatCompletionDeveloperMessageParam", "ChatCompletionFunctionMessageParam", "ChatCompletionMessage",
    "ChatCompletionMessageParam", "ChatCompletionMessageToolCall", "ChatCompletionMessageToolCallParam",
    "ChatCompletionNamedToolChoiceParam", "ChatCompletionParseArgs", "ChatCompletionStreamOptionsParam",
    "ChatCompletionSystemMessageParam", "ChatCompletionTokenLogprob", "ChatCompletionToolChoiceOptionParam",
    "ChatCompletionToolMessageParam", "ChatCompletionToolParam", "ChatCompletionUserMessageParam",
    "ChatModel", "Choice", "ChoiceDelta", "ChoiceDeltaFunctionCall", "ChoiceDeltaToolCall",
    "ChoiceDeltaToolCallFunction", "ChoiceLogprobs", "ChunkChoice", "ComparisonFilter", "Completion",
    "CompletionChoice", "CompletionCreateArgs", "CompletionCreateParams", "CompletionLogprobs",
    "CompletionTokensDetails", "CompletionUsage", "CompoundFilter", "ContentFilterBlocklistIdResult",
    "ContentFilterBlocklistResult", "ContentFilterCitation", "ContentFilterCodeResult",
    "ContentFilterDetectedResult", "ContentFilterErrorDetail", "ContentFilterResults",
    "ContentFilterSeverityResult", "Cost", "CreateEmbeddingResponse", "CustomToolInputFormat",
    "EasyInputMessageParam", "Embedding", "EmbeddingCreateParams", "EmbeddingModel", "EmbeddingUsage",
    "ErrorObject", "FileChunkingStrategy", "FileChunkingStrategyParam", "FileContent", "FileCreateParams",
    "FileDeleted", "FileList", "FileListParams", "FileObject", "FilePurpose", "Function", "FunctionCall",
    "FunctionDefinition", "FunctionParameters", "FunctionToolParam", "Image", "ImageCreateVariationParams",
    "ImageEditCompletedEvent", "ImageEditParams", "ImageEditPartialImageEvent", "ImageEditStreamEvent",
    "ImageGenCompletedEvent", "ImageGenPartialImageEvent", "ImageGenStreamEvent", "ImageGenerateParams",
    "ImageInputReferenceParam", "ImageModel", "ImagesResponse", "InputTokenCountResponse", "Metadata",
    "Model", "ModelDeleted", "ModelList", "Moderation", "ModerationCreateParams",
    "ModerationCreateResponse", "ModerationImageURLInputParam", "ModerationModel",
    "ModerationMultiModalInputParam", "ModerationTextInputParam", "OAuthErrorCode",
    "OtherFileChunkingStrategyObject",
    "ParsedChatCompletion", "ParsedChatCompletionMessage", "ParsedChoice", "ParsedFunction",
    "ParsedFunctionToolCall", "PromptFilterResult", "PromptTokensDetails", "Reasoning", "ReasoningEffort",
    "RequestOptions", "Response", "ResponseCompletedEvent", "ResponseCreateParams", "ResponseError",
    "ResponseFormat", "ResponseFormatJSONObject", "ResponseFormatJSONSchema", "ResponseFormatText",
    "ResponseFormatTextGrammar", "ResponseFormatTextPython", "ResponseFunctionToolCall",
    "ResponseInputItemParam", "ResponseInputParam", "ResponseItem", "ResponseItemList", "ResponseObject",
    "ResponseOutputItem", "ResponseOutputMessage", "ResponseOutputRefusal", "ResponseOutputText",
    "ResponseReasoningItem", "ResponseStatus", "ResponseStreamEvent", "ResponseTextConfigParam",
    "ResponseTextDeltaEvent", "ResponseUsage", "ResponsesModel", "StaticFileChunkingStrategy",
    "StaticFileChunkingStrategyObject", "StaticFileChunkingStrategyObjectParam",
    "StaticFileChunkingStrategyParam", "TextCompletionCreateParams", "ToolParam", "TopLogprob",
    "UnknownOutputItem", "UnknownStreamEvent", "Upload", "UploadCompleteParams", "UploadCreateParams",
    "VectorStore", "VectorStoreCreateParams", "VectorStoreDeleted", "VectorStoreListParams",
    "VectorStoreSearchParams", "VectorStoreSearchResponse", "VectorStoreUpdateParams",
]
