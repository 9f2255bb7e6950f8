"""Request-parameter TypedDicts shared by several endpoints (``openai.types.shared_params``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gptkit.types._lazy import lazy_package

if TYPE_CHECKING:
    from gptkit.types.shared_params.chat_model import ChatModel as ChatModel
    from gptkit.types.shared_params.comparison_filter import ComparisonFilter as ComparisonFilter
    from gptkit.types.shared_params.compound_filter import CompoundFilter as CompoundFilter
    from gptkit.types.shared_params.custom_tool_input_format import (
        CustomToolInputFormat as CustomToolInputFormat,
    )
    from gptkit.types.shared_params.function_definition import (
        FunctionDefinition as FunctionDefinition,
    )
    from gptkit.types.shared_params.function_parameters import (
        FunctionParameters as FunctionParameters,
    )
    from gptkit.types.shared_params.metadata import Metadata as Metadata
    from gptkit.types.shared_params.oauth_error_code import OAuthErrorCode as OAuthErrorCode
    from gptkit.types.shared_params.reasoning import Reasoning as Reasoning
    from gptkit.types.shared_params.reasoning_effort import ReasoningEffort as ReasoningEffort
    from gptkit.types.shared_params.response_format_json_object import (
        ResponseFormatJSONObject as ResponseFormatJSONObject,
    )
    from gptkit.types.shared_params.response_format_json_schema import (
        ResponseFormatJSONSchema as ResponseFormatJSONSchema,
    )
    from gptkit.types.shared_params.response_format_text import (
        ResponseFormatText as ResponseFormatText,
    )
    from gptkit.types.shared_params.responses_model import ResponsesModel as ResponsesModel

_EXPORTS: dict[str, tuple[str, ...]] = {
    "chat_model": ("ChatModel",),
    "comparison_filter": ("ComparisonFilter",),
    "compound_filter": ("CompoundFilter",),
    "custom_tool_input_format": ("CustomToolInputFormat",),
    "function_definition": ("FunctionDefinition",),
    "function_parameters": ("FunctionParameters",),
    "metadata": ("Metadata",),
    "oauth_error_code": ("OAuthErrorCode",),
    "reasoning": ("Reasoning",),
    "reasoning_effort": ("ReasoningEffort",),
    "response_format_json_object": ("ResponseFormatJSONObject",),
    "response_format_json_schema": ("ResponseFormatJSONSchema",),
    "response_format_text": ("ResponseFormatText",),
    "responses_model": ("ResponsesModel",),
}

__getattr__: Callable[[str], Any]
__dir__: Callable[[], list[str]]
__getattr__, __dir__ = lazy_package(__name__, _EXPORTS)

__all__ = [
    "ChatModel",
    "ComparisonFilter",
    "CompoundFilter",
    "CustomToolInputFormat",
    "FunctionDefinition",
    "FunctionParameters",
    "Metadata",
    "OAuthErrorCode",
    "Reasoning",
    "ReasoningEffort",
    "ResponseFormatJSONObject",
    "ResponseFormatJSONSchema",
    "ResponseFormatText",
    "ResponsesModel",
]
