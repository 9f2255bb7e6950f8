"""``gptkit.lib.streaming.chat``: the events and helpers of ``chat.completions.stream(...)``.

The same names as ``openai.lib.streaming.chat``, so ``if event.type == "content.delta"`` code and
its imports (``from openai.lib.streaming.chat import ContentDeltaEvent``) work unchanged.
"""

from __future__ import annotations

from gptkit._streams._chat import (
    AsyncChatCompletionStream,
    AsyncChatCompletionStreamManager,
    ChatCompletionStream,
    ChatCompletionStreamManager,
)
from gptkit._streams._chat_event_types import (
    ChatCompletionStreamEvent,
    ChunkEvent,
    ContentDeltaEvent,
    ContentDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
    LogprobsContentDeltaEvent,
    LogprobsContentDoneEvent,
    LogprobsRefusalDeltaEvent,
    LogprobsRefusalDoneEvent,
    ParsedChatCompletionMessageSnapshot,
    ParsedChatCompletionSnapshot,
    ParsedChoiceSnapshot,
    RefusalDeltaEvent,
    RefusalDoneEvent,
)
from gptkit._streams._chat_events import ChatCompletionStreamState

__all__ = [
    "AsyncChatCompletionStream",
    "AsyncChatCompletionStreamManager",
    "ChatCompletionStream",
    "ChatCompletionStreamEvent",
    "ChatCompletionStreamManager",
    "ChatCompletionStreamState",
    "ChunkEvent",
    "ContentDeltaEvent",
    "ContentDoneEvent",
    "FunctionToolCallArgumentsDeltaEvent",
    "FunctionToolCallArgumentsDoneEvent",
    "LogprobsContentDeltaEvent",
    "LogprobsContentDoneEvent",
    "LogprobsRefusalDeltaEvent",
    "LogprobsRefusalDoneEvent",
    "ParsedChatCompletionMessageSnapshot",
    "ParsedChatCompletionSnapshot",
    "ParsedChoiceSnapshot",
    "RefusalDeltaEvent",
    "RefusalDoneEvent",
]
