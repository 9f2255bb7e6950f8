"""Chat completions with their content validated into a pydantic model (``chat.completions.parse``).

Each class is the plain chat type with one field made precise: ``message.parsed`` is the caller's
model (``ParsedChatCompletion[MyModel]``), and a tool call's ``function.parsed_arguments`` is the
tool's model instance when gptkit knows the tool.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from gptkit.types.chat.chat_completion import ChatCompletion, Choice
from gptkit.types.chat.chat_completion_message import ChatCompletionMessage
from gptkit.types.chat.parsed_function_tool_call import ParsedFunctionToolCall

__all__ = ["ContentT", "ParsedChatCompletion", "ParsedChatCompletionMessage", "ParsedChoice"]

#: The type ``message.parsed`` holds (the ``response_format`` model, or None without one).
ContentT = TypeVar("ContentT")


def _official_parameter_name() -> str:
    # The official package parametrizes these classes with its own type variable (a
    # typing_extensions TypeVar with a default), whatever the content type, and pydantic names
    # the class after how it displays that variable: ``TypeVar`` on Python 3.11+, the
    # variable's repr on 3.10. Ask pydantic the same question, so the names match everywhere.
    import typing_extensions

    ResponseFormatT = typing_extensions.TypeVar("ResponseFormatT", default=None)
    try:
        from pydantic._internal._repr import display_as_type
    except ImportError:  # a pydantic without the helper: the name of current Pythons
        return "TypeVar"
    return display_as_type(ResponseFormatT)


_PARAMETER_NAME = _official_parameter_name()


class _OfficialName:
    """Names a parametrized class as the official package does: ``ParsedChoice[TypeVar]``.

    The official package builds these with its type variable, whatever the content type, so
    ``print(completion)`` and ``type(message).__name__`` show ``[TypeVar]`` (on Python 3.10,
    ``[~ResponseFormatT]``); programs that print them print the same under gptkit.
    """

    @classmethod
    def model_parametrized_name(cls, params: tuple[Any, ...]) -> str:
        return f"{cls.__name__}[{_PARAMETER_NAME}]"


class ParsedChatCompletionMessage(_OfficialName, ChatCompletionMessage, Generic[ContentT]):
    """The model's message, with ``parsed`` holding the validated content (None on a refusal)."""

    tool_calls: list[ParsedFunctionToolCall] | None = None  # type: ignore[assignment]
    parsed: ContentT | None = None


class ParsedChoice(_OfficialName, Choice, Generic[ContentT]):
    """One answer of a parsed chat completion."""

    message: ParsedChatCompletionMessage[ContentT]


class ParsedChatCompletion(_OfficialName, ChatCompletion, Generic[ContentT]):
    """A chat completion whose ``choices[i].message.parsed`` is a validated ``ContentT``.

    Usage, cost and request id are those of the underlying call.
    """

    choices: list[ParsedChoice[ContentT]]  # type: ignore[assignment]
