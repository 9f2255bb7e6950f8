"""The errors of structured outputs and tools: a schema strict mode cannot express, an answer
that cannot be parsed, a tool loop that does not end."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gptkit._exceptions._api import GptkitError, InvalidParameterError

if TYPE_CHECKING:
    from gptkit.types.chat import ChatCompletion
    from gptkit.types.responses.response import Response

__all__ = [
    "ContentFilterFinishReasonError",
    "LengthFinishReasonError",
    "StrictSchemaError",
    "StructuredOutputError",
    "ToolRoundsExceededError",
]


class StrictSchemaError(InvalidParameterError):
    """A pydantic model cannot be expressed as a strict-mode JSON schema; nothing was sent.

    ``field`` names the offending field as ``Model.field`` (``[]`` marks list items).
    """

    def __init__(self, message: str, *, field: str, param: str | None = None) -> None:
        super().__init__(message, param=param, errors=[(param or field, message)])
        self.field = field


class LengthFinishReasonError(GptkitError):
    """The output was cut off by the token limit, so it cannot be parsed: a chat completion with
    ``finish_reason == "length"`` (``completion`` holds what arrived; raise
    ``max_completion_tokens`` and retry), or a Responses API response ``incomplete`` for
    ``max_output_tokens`` (``response`` holds it; ``completion`` is None)."""

    def __init__(self, completion: ChatCompletion | None = None, *, response: Response | None = None) -> None:
        if response is not None:
            usage = response.usage
            used = f" after {usage.output_tokens} output tokens" if usage is not None else ""
            text = (f"The model's output was cut off by the length limit{used} (status='incomplete', "
                    "reason='max_output_tokens'); it cannot be parsed. Raise max_output_tokens or "
                    "shorten the task.")
        else:
            chat_usage = completion.usage if completion is not None else None
            used = f" after {chat_usage.completion_tokens} output tokens" if chat_usage is not None else ""
            text = (f"The model's output was cut off by the length limit{used} (finish_reason='length'); "
                    "it cannot be parsed. Raise max_completion_tokens or shorten the task.")
        super().__init__(text)
        self.completion = completion
        self.response = response


class ContentFilterFinishReasonError(GptkitError):
    """The provider's content filter stopped the output: a chat completion with
    ``finish_reason == "content_filter"`` (``completion``), or a Responses API response
    ``incomplete`` for ``content_filter`` (``response``)."""

    def __init__(self, completion: ChatCompletion | None = None, *, response: Response | None = None) -> None:
        where = ("status='incomplete', reason='content_filter'" if response is not None
                 else "finish_reason='content_filter'")
        super().__init__(f"The output was stopped by the content filter ({where}); it cannot be parsed.")
        self.completion = completion
        self.response = response


class StructuredOutputError(GptkitError):
    """The model's output is not valid JSON or does not match the requested model.

    ``raw`` is the text as the model sent it (message content, or a tool call's arguments),
    ``errors`` pydantic's error list, ``tool_name`` the tool whose arguments failed (else None),
    and ``completion`` the whole chat completion (or ``response`` the whole Responses API
    response).
    """

    def __init__(
        self,
        message: str,
        *,
        raw: str,
        completion: ChatCompletion | None = None,
        errors: list[Any] | None = None,
        tool_name: str | None = None,
        response: Response | None = None,
    ) -> None:
        super().__init__(message)
        self.raw = raw
        self.completion = completion
        self.response = response
        self.errors: list[Any] = errors if errors is not None else []
        self.tool_name = tool_name


class ToolRoundsExceededError(GptkitError):
    """``run_tools`` reached ``max_rounds`` model calls and the model still asked for tools.

    ``messages`` is the conversation so far (chat: the last assistant message included;
    Responses API: the input items, the last response's output items included) and
    ``completion`` the last chat completion (or ``response`` the last Responses API response),
    so the caller can inspect or continue it.
    """

    def __init__(self, max_rounds: int, *, messages: list[Any], completion: ChatCompletion | None = None,
                 response: Response | None = None) -> None:
        super().__init__(
            f"The model still asked for tools after {max_rounds} rounds (max_rounds={max_rounds})."
        )
        self.max_rounds = max_rounds
        self.messages = messages
        self.completion = completion
        self.response = response
