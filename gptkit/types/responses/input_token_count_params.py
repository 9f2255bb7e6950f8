"""The parameters of ``responses.input_tokens.count``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import Field, with_config
from typing_extensions import TypedDict

from gptkit.types.responses._params_base import CLOSED
from gptkit.types.responses.response_create_params import Reasoning, ResponseConversationParam, ToolChoice
from gptkit.types.responses.response_input_param import ResponseInputParam
from gptkit.types.responses.response_text_config_param import ResponseTextConfigParam
from gptkit.types.responses.tool_param import ToolParam

__all__ = ["InputTokenCountParams"]


@with_config(CLOSED)
class InputTokenCountParams(TypedDict, total=False):
    """What a ``responses.create`` call would read: its input tokens are counted, nothing runs."""

    model: Annotated[str, Field(min_length=1)] | None
    input: str | ResponseInputParam | None
    instructions: str | None
    conversation: str | ResponseConversationParam | None
    previous_response_id: str | None
    tools: Sequence[ToolParam] | None
    tool_choice: ToolChoice | None
    parallel_tool_calls: bool | None
    reasoning: Reasoning | None
    text: ResponseTextConfigParam | None
    truncation: Literal["auto", "disabled"]
    personality: str
