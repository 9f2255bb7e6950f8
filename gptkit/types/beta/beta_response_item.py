"""``BetaResponseItem``: an item of a beta response's input or output as ``input_items.list``
returns it (the GA ``ResponseItem``'s kinds with their ``agent``, and the multi-agent kinds)."""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Tag

from gptkit.types.beta.beta_response_configuration_update_item import BetaResponseConfigurationUpdateItem
from gptkit.types.beta.beta_response_custom_tool_call_item import BetaResponseCustomToolCallItem
from gptkit.types.beta.beta_response_function_tool_call_item import BetaResponseFunctionToolCallItem
from gptkit.types.beta.beta_response_input_message_item import BetaResponseInputMessageItem
from gptkit.types.beta.beta_response_output_item import TOOL_OUTPUT_ITEMS
from gptkit.types.beta.beta_response_output_message import BetaResponseOutputMessage
from gptkit.types.responses._tagged import UNKNOWN, by_role
from gptkit.types.responses.response_output_item import UnknownOutputItem

__all__ = ["BetaResponseItem"]


_ITEMS = (
    Annotated[BetaResponseInputMessageItem, Tag("input_message")]
    | Annotated[BetaResponseOutputMessage, Tag("assistant_message")]
    | Annotated[BetaResponseFunctionToolCallItem, Tag("function_call")]
    | Annotated[BetaResponseCustomToolCallItem, Tag("custom_tool_call")]
    | Annotated[BetaResponseConfigurationUpdateItem, Tag("configuration_update")]
    | TOOL_OUTPUT_ITEMS
    | Annotated[UnknownOutputItem, Tag(UNKNOWN)]
)
BetaResponseItem: TypeAlias = Annotated[_ITEMS, by_role(_ITEMS)]
