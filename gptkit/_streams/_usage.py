"""``stream.usage``, typed by what the stream carries.

A chat or completions stream ends in a ``CompletionUsage`` (``prompt_tokens``...), a Responses
stream in a ``ResponseUsage`` (``input_tokens``...). One ``Stream`` class serves both, so the
attribute is a descriptor whose overloads pick the type from the stream's item type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from typing_extensions import Self

    from gptkit._streams._shell import StreamBase
    from gptkit.types.responses.response_stream_event import ResponseStreamEvent
    from gptkit.types.responses.response_usage import ResponseUsage
    from gptkit.types.shared import CompletionUsage

__all__ = ["StreamUsage"]


class StreamUsage:
    """Token usage of the finished stream (None before it completes or if the server sent none)."""

    @overload
    def __get__(self, stream: None, owner: type[Any] | None = None) -> Self: ...
    @overload
    def __get__(
        self, stream: StreamBase[ResponseStreamEvent], owner: type[Any] | None = None
    ) -> ResponseUsage | None: ...
    @overload
    def __get__(self, stream: StreamBase[Any], owner: type[Any] | None = None) -> CompletionUsage | None: ...
    def __get__(self, stream: StreamBase[Any] | None, owner: type[Any] | None = None) -> Any:
        if stream is None:
            return self
        final = stream._core.final
        return None if final is None else final.usage
