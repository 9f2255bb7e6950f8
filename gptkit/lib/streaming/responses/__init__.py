"""``gptkit.lib.streaming.responses``: the classes of ``client.responses.stream(...)``.

The same names as ``openai.lib.streaming.responses``, so imports such as
``from openai.lib.streaming.responses import ResponseStream`` work unchanged. The delta events
are the wire types of ``gptkit.types.responses``; in a ``responses.stream(...)`` block the text and
function-call argument deltas also carry ``snapshot`` (the text so far), as the official ones do.
"""

from __future__ import annotations

from gptkit._streams._responses import (
    AsyncResponseStream,
    AsyncResponseStreamManager,
    ResponseStream,
    ResponseStreamManager,
)
from gptkit.types.responses.response_function_call_arguments_delta_event import (
    ResponseFunctionCallArgumentsDeltaEvent,
)
from gptkit.types.responses.response_stream_event import ResponseStreamEvent
from gptkit.types.responses.response_text_delta_event import ResponseTextDeltaEvent
from gptkit.types.responses.response_text_done_event import ResponseTextDoneEvent

__all__ = [
    "AsyncResponseStream",
    "AsyncResponseStreamManager",
    "ResponseFunctionCallArgumentsDeltaEvent",
    "ResponseStream",
    "ResponseStreamEvent",
    "ResponseStreamManager",
    "ResponseTextDeltaEvent",
    "ResponseTextDoneEvent",
]
