"""``ConversationItem``: an item of a conversation (a message, a tool call, its output...)."""

from __future__ import annotations

from typing import Annotated, Any, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types.conversations.message import Message
from gptkit.types.responses.response_item import ResponseItem
from gptkit.types.responses.response_output_item import (
    ImageGenerationCall,
    ImageGenerationCallError,
    ImageGenerationCallErrorModerationDetails,
    ImageGenerationCallSvgUsage,
    LocalShellCall,
    LocalShellCallAction,
    LocalShellCallOutput,
    McpApprovalRequest,
    McpApprovalResponse,
    McpCall,
    McpListTools,
    McpListToolsTool,
)

# The item classes the official module defines again here are the Responses API's, re-exported.
__all__ = [
    "ConversationItem",
    "ImageGenerationCall",
    "ImageGenerationCallError",
    "ImageGenerationCallErrorModerationDetails",
    "ImageGenerationCallSvgUsage",
    "LocalShellCall",
    "LocalShellCallAction",
    "LocalShellCallOutput",
    "McpApprovalRequest",
    "McpApprovalResponse",
    "McpCall",
    "McpListTools",
    "McpListToolsTool",
]


def _kind(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return "message" if kind == "message" else "other"


#: A ``Message`` of any role, or any other item a response has (``function_call``,
#: ``function_call_output``, ``reasoning``...), told apart by ``type``; unknown kinds keep their fields.
ConversationItem: TypeAlias = Annotated[
    Annotated[Message, Tag("message")] | Annotated[ResponseItem, Tag("other")], Discriminator(_kind)
]
