"""``Response``: what ``client.responses.create`` returns (and a stream ends in)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from gptkit.types._base import APIObject, BilledObject
from gptkit.types.responses.response_error import ResponseError
from gptkit.types.responses.response_output_item import ResponseOutputItem
from gptkit.types.responses.response_output_message import ResponseOutputMessage
from gptkit.types.responses.response_output_text import ResponseOutputText
from gptkit.types.responses.response_text_config import ResponseTextConfig
from gptkit.types.responses.response_usage import ResponseUsage
from gptkit.types.responses.tool import Tool

__all__ = ["Conversation", "IncompleteDetails", "Reasoning", "Response", "ResponsePrompt", "ToolChoice"]


class IncompleteDetails(APIObject):
    """Why a response is ``incomplete``: ``max_output_tokens`` or ``content_filter``."""

    reason: str | None = None


class Conversation(APIObject):
    """The conversation a response's items were added to."""

    id: str = ""


class Reasoning(APIObject):
    """The reasoning settings a response ran with (``effort``, ``summary``)."""

    effort: str | None = None
    summary: str | None = None
    generate_summary: str | None = None


class ResponsePrompt(APIObject):
    """The stored prompt template a response used."""

    id: str = ""
    version: str | None = None
    variables: dict[str, Any] | None = None


class ToolChoice(APIObject):
    """A ``tool_choice`` object (``{"type": "function", "name": ...}``, ``{"type": "allowed_tools",
    ...}``, ``{"type": "file_search"}``...); plain choices are the strings ``none``, ``auto``,
    ``required``."""

    type: str
    name: str | None = None
    mode: str | None = None


class Response(BilledObject):
    """A model response: its ``output`` items, ``status`` and token ``usage``.

    ``output_text`` joins the text of every assistant message. ``status`` is ``completed``,
    ``failed`` (see ``error``), ``incomplete`` (see ``incomplete_details``), ``cancelled``, or,
    for background responses still running, ``queued`` / ``in_progress``; ``problem`` says in one
    line what went wrong, if anything. ``cost`` prices ``usage`` (cached and reasoning tokens
    included) and ``request_id`` is the server's id of the HTTP request.
    """

    id: str = ""
    created_at: float = 0
    error: ResponseError | None = None
    incomplete_details: IncompleteDetails | None = None
    instructions: str | list[Any] | None = None
    metadata: dict[str, str] | None = None
    model: str = ""
    object: Literal["response"] = "response"
    output: list[ResponseOutputItem] = []
    parallel_tool_calls: bool | None = None
    temperature: float | None = None
    tool_choice: str | ToolChoice | None = None
    tools: list[Tool] = []
    top_p: float | None = None
    background: bool | None = None
    completed_at: float | None = None
    conversation: Conversation | None = None
    max_output_tokens: int | None = None
    max_tool_calls: int | None = None
    previous_response_id: str | None = None
    prompt: ResponsePrompt | None = None
    prompt_cache_key: str | None = None
    prompt_cache_retention: str | None = None
    reasoning: Reasoning | None = None
    safety_identifier: str | None = None
    service_tier: str | None = None
    status: str | None = None
    text: ResponseTextConfig | None = None
    top_logprobs: int | None = None
    truncation: str | None = None
    usage: ResponseUsage | None = None
    user: str | None = None

    @property
    def output_text(self) -> str:
        """The text of every ``output_text`` part of every assistant message, joined ("" if none)."""
        return "".join(
            part.text
            for item in self.output
            if isinstance(item, ResponseOutputMessage)
            for part in item.content
            if isinstance(part, ResponseOutputText)
        )

    @property
    def problem(self) -> str | None:
        """None when the response completed (or is still running); else what went wrong, e.g.
        ``"failed: server_error: The model crashed."`` or ``"incomplete: max_output_tokens"``."""
        status = self.status
        if status == "failed":
            return f"failed: {self.error}" if self.error is not None else "failed"
        if status == "incomplete":
            reason = self.incomplete_details.reason if self.incomplete_details is not None else None
            return f"incomplete: {reason}" if reason else "incomplete"
        if status == "cancelled":
            return "cancelled"
        return None

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        # The status right after the id: a failed or incomplete response shows it first.
        args = list(super().__repr_args__())
        first = [arg for arg in args if arg[0] in ("id", "status")]
        yield from first
        yield from (arg for arg in args if arg[0] not in ("id", "status"))
