"""``ResponseInputItemParam``: one item of a request's ``input`` list.

Besides dicts, items may be the objects a response returned (``response.output`` items): they are
sent back as the JSON they came as, which is how a conversation continues without
``previous_response_id``. Items of a ``type`` gptkit does not know are sent as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import BeforeValidator, Tag, with_config
from typing_extensions import Required, TypedDict

from gptkit.types.responses._params_base import OPEN
from gptkit.types.responses._tagged import UNKNOWN, by_type, model_to_param
from gptkit.types.responses.easy_input_message_param import EasyInputMessageParam
from gptkit.types.responses.response_function_tool_call_param import ResponseFunctionToolCallParam
from gptkit.types.responses.response_input_content_param import (
    ResponseInputContentParam,
    ResponseInputMessageContentListParam,
)
from gptkit.types.responses.response_output_message_param import ResponseOutputMessageParam
from gptkit.types.responses.response_reasoning_item_param import ResponseReasoningItemParam

__all__ = [
    "ComputerCallOutput",
    "FunctionCallOutput",
    "ItemReference",
    "McpApprovalResponse",
    "Message",
    "ResponseCustomToolCallOutputParam",
    "ResponseInputItemParam",
]


@with_config(OPEN)
class Message(TypedDict, total=False):
    """An input message with a list of parts and an explicit ``type``."""

    type: Literal["message"]
    role: Required[Literal["user", "system", "developer"]]
    content: Required[ResponseInputMessageContentListParam]
    status: str


@with_config(OPEN)
class FunctionCallOutput(TypedDict, total=False):
    """What a function returned for ``call_id``: a string (often JSON) or a list of input parts."""

    type: Required[Literal["function_call_output"]]
    call_id: Required[str]
    output: Required[str | Sequence[ResponseInputContentParam]]
    id: str | None
    status: str | None


@with_config(OPEN)
class ComputerCallOutput(TypedDict, total=False):
    """The screenshot taken after a computer action (``{"type": "computer_screenshot", ...}``)."""

    type: Required[Literal["computer_call_output"]]
    call_id: Required[str]
    output: Required[dict[str, Any]]
    id: str | None
    acknowledged_safety_checks: Sequence[dict[str, Any]] | None
    status: str | None


@with_config(OPEN)
class McpApprovalResponse(TypedDict, total=False):
    """Approve (or not) an MCP tool call the model asked for."""

    type: Required[Literal["mcp_approval_response"]]
    approval_request_id: Required[str]
    approve: Required[bool]
    id: str | None
    reason: str | None


@with_config(OPEN)
class ResponseCustomToolCallOutputParam(TypedDict, total=False):
    """What a custom tool returned for ``call_id``."""

    type: Required[Literal["custom_tool_call_output"]]
    call_id: Required[str]
    output: Required[str | Sequence[ResponseInputContentParam]]
    id: str


@with_config(OPEN)
class ItemReference(TypedDict, total=False):
    """An item of a stored response or conversation, by id."""

    id: Required[str]
    type: Literal["item_reference"] | None


@with_config(OPEN)
class _AnyMessage(TypedDict, total=False):
    # What run-time validation checks of every message item: easy, typed and assistant ones.
    type: Literal["message"]
    role: Required[Literal["user", "assistant", "system", "developer"]]
    content: Required[str | ResponseInputMessageContentListParam]
    status: str
    id: str
    phase: str | None


def _untyped_item(value: Any) -> str:
    """The kind of an item without ``type``: a message if it has a role, else a reference."""
    if "role" in value:
        return "message"
    return "item_reference" if "id" in value else UNKNOWN


if TYPE_CHECKING:
    ResponseInputItemParam: TypeAlias = (
        EasyInputMessageParam
        | Message
        | ResponseOutputMessageParam
        | ResponseFunctionToolCallParam
        | FunctionCallOutput
        | ResponseReasoningItemParam
        | ComputerCallOutput
        | McpApprovalResponse
        | ResponseCustomToolCallOutputParam
        | ItemReference
    )
else:
    _ITEMS = (
        Annotated[_AnyMessage, Tag("message")]
        | Annotated[ResponseFunctionToolCallParam, Tag("function_call")]
        | Annotated[FunctionCallOutput, Tag("function_call_output")]
        | Annotated[ResponseReasoningItemParam, Tag("reasoning")]
        | Annotated[ComputerCallOutput, Tag("computer_call_output")]
        | Annotated[McpApprovalResponse, Tag("mcp_approval_response")]
        | Annotated[ResponseCustomToolCallOutputParam, Tag("custom_tool_call_output")]
        | Annotated[ItemReference, Tag("item_reference")]
        | Annotated[dict[str, Any], Tag(UNKNOWN)]
    )
    ResponseInputItemParam = Annotated[
        _ITEMS, by_type(_ITEMS, default=_untyped_item), BeforeValidator(model_to_param)
    ]
