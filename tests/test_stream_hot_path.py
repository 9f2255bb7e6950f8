"""What one streamed chunk costs gptkit, counted rather than timed (timings: benchmarks/).

Most reads of an OpenAI stream hold exactly one ``data: {...}`` event. Its path through gptkit
(the shell's read, the SSE decoder, validation, the protocol, the accumulator) is counted here
in calls of gptkit's own Python functions per chunk (``sys.setprofile``), sync and async, so a
change that adds a layer, a protocol call or an object per chunk fails a test, not only
``benchmarks/bench_streaming.py``.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from types import CodeType, FrameType
from typing import Any

import httpx

import gptkit

from .helpers import Recorder, close, invoke, make_client
from .streams import SSE_HEADERS, ScriptedBody

GPTKIT = os.path.dirname(gptkit.__file__) + os.sep
MSGS = [{"role": "user", "content": "hi"}]
WORDS = [" the", " quick", " brown", " fox"]

#: gptkit's Python calls per content chunk: the shell's read (``_pull``) and the generator
#: handing the chunk over, the core (``feed``, ``_event``), the decoder's one-event check
#: (``single``), the protocol's ``is_error`` and ``shown``, and the accumulator (``add``, the
#: header, the choice). Raise it only for a reason worth a slower stream.
CALLS_PER_CHUNK = 10


def _reads(contents: int) -> list[bytes]:
    """The benchmark's stream shape, one event per read: role, contents, finish, usage, [DONE]."""
    head = {"id": "chatcmpl-hot", "object": "chat.completion.chunk", "created": 1_727_000_000,
            "model": "gpt-4o-2024-08-06", "system_fingerprint": "fp_1"}

    def event(choices: list[Any], usage: Any = None) -> bytes:
        return b"data: " + json.dumps({**head, "choices": choices, "usage": usage}).encode() + b"\n\n"

    reads = [event([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])]
    reads += [event([{"index": 0, "delta": {"content": WORDS[i % 4]}, "logprobs": None, "finish_reason": None}])
              for i in range(contents)]
    reads.append(event([{"index": 0, "delta": {}, "finish_reason": "stop"}]))
    # The same usage in every stream: its cost is computed (and cached) the same way in each.
    reads.append(event([], {"prompt_tokens": 3, "completion_tokens": 500, "total_tokens": 503}))
    return [*reads, b"data: [DONE]\n\n"]


def _name(code: CodeType) -> str:
    # ``Class.method`` (co_qualname) from Python 3.11; 3.10 has the function's name only.
    return str(getattr(code, "co_qualname", code.co_name))


def _as_counted(name: str) -> str:
    """``file:Class.method`` as ``_name`` spells it on this Python."""
    if sys.version_info >= (3, 11):
        return name
    where, qualname = name.split(":")
    return f"{where}:{qualname.rsplit('.', 1)[-1]}"


async def _calls(client: Any, contents: int) -> tuple[Counter[str], str]:
    """gptkit's Python calls while iterating a stream of ``contents`` content chunks."""
    stream = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, stream=True)
    calls: Counter[str] = Counter()

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call" and frame.f_code.co_filename.startswith(GPTKIT):
            calls[f"{os.path.basename(frame.f_code.co_filename)}:{_name(frame.f_code)}"] += 1

    sys.setprofile(profile)
    try:
        if isinstance(stream, gptkit.AsyncStream):
            text = "".join([c.choices[0].delta.content or "" async for c in stream if c.choices])
        else:
            text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    finally:
        sys.setprofile(None)
    assert stream.usage is not None and stream.usage.completion_tokens == 500
    return calls, text


async def test_a_chunk_costs_a_fixed_small_number_of_gptkit_calls(kind: str) -> None:
    small, large = 20, 220
    recorder = Recorder(*[
        (lambda request, n=n: httpx.Response(200, headers=SSE_HEADERS, stream=ScriptedBody(*_reads(n))))
        for n in (small, small, small, large)
    ])
    client = make_client(kind, recorder)
    for _ in range(2):  # the first streams import, build and cache what every stream uses
        await _calls(client, small)
    few, few_text = await _calls(client, small)
    many, many_text = await _calls(client, large)
    await close(client)
    assert many_text == "".join(WORDS[i % 4] for i in range(large))
    assert few_text == many_text[: len(few_text)]

    per_chunk = {name: (many[name] - few[name]) / (large - small) for name in many.keys() | few.keys()}
    per_chunk = {name: count for name, count in per_chunk.items() if count}
    total = sum(per_chunk.values())
    assert total <= CALLS_PER_CHUNK, sorted(per_chunk.items(), key=lambda item: -item[1])
    # One read holding one event takes the decoder's one-event path: no line splitting, no event
    # object, no per-event protocol question that has the same answer for every chunk.
    slow = ("_sse.py:SSEDecoder.feed", "_sse.py:SSEDecoder._feed_text", "_sse.py:ServerSentEvent.__init__",
            "_protocol.py:StreamProtocol.replayed", "_protocol.py:StreamProtocol.ending",
            "_protocol.py:ChunkProtocol.raises_event")
    assert not [name for name in slow if _as_counted(name) in per_chunk], per_chunk
