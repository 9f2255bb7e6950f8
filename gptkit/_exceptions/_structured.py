"""The errors of structured outputs and tools: a schema strict mode cannot express, an answer
that cannot be parsed, a tool loop that does not end."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gptkit._exceptions._api import GptkitError, InvalidParameterError

if TYPE_CHECKING:
    from gptkit.types.chat import ChatCompletion

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
    """The output was cut off by the token limit (``finish_reason == "length"``), so it cannot be
    parsed; ``completion`` holds what arrived (raise ``max_completion_tokens`` and retry)."""

    def __init__(self, completion: ChatCompletion) -> None:
        usage = completion.usage
        used = f" after {usage.completion_tokens} output tokens" if usage is not None else ""
        super().__init__(
            f"The model's output was cut off by the length limit{used} (finish_reason='length'); "
            "it cannot be parsed. Raise max_completion_tokens or shorten the task."
        )
        self.completion = completion


class ContentFilterFinishReasonError(GptkitError):
    """The provider's content filter stopped the output (``finish_reason == "content_filter"``)."""

    def __init__(self, completion: ChatCompletion) -> None:
        super().__init__(
            "The output was stopped by the content filter (finish_reason='content_filter'); "
            "it cannot be parsed."
        )
        self.completion = completion


class StructuredOutputError(GptkitError):
    """The model's output is not valid JSON or does not match the requested model.

    ``raw`` is the text as the model sent it (message content, or a tool call's arguments),
    ``errors`` pydantic's error list, ``tool_name`` the tool whose arguments failed (else None),
    and ``completion`` the whole response.
    """

    def __init__(
        self,
        message: str,
        *,
        raw: str,
        completion: ChatCompletion | None = None,
        errors: list[Any] | None = None,
        tool_name: str | None = None,
    ) -> None:
        super().__init__(message)
        self.raw = raw
        self.completion = completion
        self.errors: list[Any] = errors if errors is not None else []
        self.tool_name = tool_name


class ToolRoundsExceededError(GptkitError):
    """``run_tools`` reached ``max_rounds`` model calls and the model still asked for tools.

    ``messages`` is the conversation so far (the last assistant message included) and
    ``completion`` the last response, so the caller can inspect or continue it.
    """

    def __init__(self, max_rounds: int, *, messages: list[Any], completion: ChatCompletion) -> None:
        super().__init__(
            f"The model still asked for tools after {max_rounds} rounds (max_rounds={max_rounds})."
        )
        self.max_rounds = max_rounds
        self.messages = messages
        self.completion = completion
