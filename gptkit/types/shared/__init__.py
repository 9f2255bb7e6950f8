"""Models shared by several endpoints (``openai.types.shared``): model names, function
definitions, response formats, reasoning settings, filters, errors.

``CompletionUsage`` and its details live in ``gptkit.types.completion_usage`` (as in the official
package); they are also importable from here, where gptkit kept them before 0.x.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gptkit.types._lazy import lazy_package

if TYPE_CHECKING:
    from gptkit.types.completion_usage import (
        CompletionTokensDetails as CompletionTokensDetails,
    )
    from gptkit.types.completion_usage import CompletionUsage as CompletionUsage
    from gptkit.types.completion_usage import PromptTokensDetails as PromptTokensDetails
    from gptkit.types.shared.all_models import AllModels as AllModels
    from gptkit.types.shared.chat_model import ChatModel as ChatModel
    from gptkit.types.shared.comparison_filter import ComparisonFilter as ComparisonFilter
    from gptkit.types.shared.compound_filter import CompoundFilter as CompoundFilter
    from gptkit.types.shared.custom_tool_input_format import (
        CustomToolInputFormat as CustomToolInputFormat,
    )
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

#: Submodule -> the names it gives this package (``..`` names a module of ``gptkit.types``).
_EXPORTS: dict[str, tuple[str, ...]] = {
    "all_models": ("AllModels",),
    "chat_model": ("ChatModel",),
    "comparison_filter": ("ComparisonFilter",),
    "compound_filter": ("CompoundFilter",),
    "custom_tool_input_format": ("CustomToolInputFormat",),
    "error_object": ("ErrorObject",),
    "function_definition": ("FunctionDefinition",),
    "function_parameters": ("FunctionParameters",),
    "metadata": ("Metadata",),
    "oauth_error_code": ("OAuthErrorCode",),
    "reasoning": ("Reasoning",),
    "reasoning_effort": ("ReasoningEffort",),
    "response_format_json_object": ("ResponseFormatJSONObject",),
    "response_format_json_schema": ("ResponseFormatJSONSchema",),
    "response_format_text": ("ResponseFormatText",),
    "response_format_text_grammar": ("ResponseFormatTextGrammar",),
    "response_format_text_python": ("ResponseFormatTextPython",),
    "responses_model": ("ResponsesModel",),
    "..completion_usage": ("CompletionTokensDetails", "CompletionUsage", "PromptTokensDetails"),
}

__getattr__: Callable[[str], Any]
__dir__: Callable[[], list[str]]
__getattr__, __dir__ = lazy_package(__name__, _EXPORTS)

__all__ = [
    "AllModels",
    "ChatModel",
    "ComparisonFilter",
    "CompletionTokensDetails",
    "CompletionUsage",
    "CompoundFilter",
    "CustomToolInputFormat",
    "ErrorObject",
    "FunctionDefinition",
    "FunctionParameters",
    "Metadata",
    "OAuthErrorCode",
    "PromptTokensDetails",
    "Reasoning",
    "ReasoningEffort",
    "ResponseFormatJSONObject",
    "ResponseFormatJSONSchema",
    "ResponseFormatText",
    "ResponseFormatTextGrammar",
    "ResponseFormatTextPython",
    "ResponsesModel",
]
