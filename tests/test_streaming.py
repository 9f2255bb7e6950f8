"""Streams over the transport seam: chunks, the final object, errors, retries and connection release."""

from __future__ import annotations

import asyncio
import copy
import gc
import json
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.types import ChatCompletion, ChatCompletionChunk, Completion

from .helpers import API_KEY, Recorder, close, make_client
from .streams import (
    PARITY_ANSWER,
    SSE_HEADERS,
    ScriptedBody,
    chunked,
    sse,
    stream_chunks,
    streaming_response,
)

MSGS = [{"role": "user", "content": "hi"}]
NO_WAITS = gptkit.RetryPolicy(max_attempts=3, zero_waits=True)


def chunk(content: str | None = None, *, index: int = 0, finish: str | None = None, **extra: Any) -> dict[str, Any]:
    delta = {} if content is None else {"content": content}
    return {"id": "chatcmpl-s", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
            "choices": [{"index": index, "delta": delta, "finish_reason": finish}], **extra}


USAGE = {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7}
HELLO = [chunk("Hel"), chunk("lo"), chunk(finish="stop"),
         {"id": "chatcmpl-s", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
          "choices": [], "usage": USAGE}]


def serve(*parts: bytes | Exception, bodies: list[ScriptedBody] | None = None) -> Any:
    """A Recorder step answering with a fresh scripted streaming body."""

    def handler(request: httpx.Request) -> httpx.Response:
        response, body = streaming_response(*parts)
        if bodies is not None:
            bodies.append(body)
        return response

    return handler


async def consume(stream: Any) -> list[Any]:
    if isinstance(stream, gptkit.AsyncStream):
        return [c async for c in stream]
    return list(stream)


async def final_of(stream: Any) -> Any:
    result = stream.get_final_completion()
    if asyncio.iscoroutine(result):
        result = await result
    return result


async def create_stream(client: Any, **kwargs: Any) -> Any:
    kwargs.setdefault("model", "gpt-4o")
    kwargs.setdefault("messages", MSGS)
    result = client.chat.completions.create(stream=True, **kwargs)
    if asyncio.iscoroutine(result):
        result = await result
    return result


async def test_chunks_final_usage_and_one_accounting(kind: str) -> None:
    recorder = Recorder(serve(*chunked(sse(*HELLO), 7)))
    client = make_client(kind, recorder)
    accounted: list[Any] = []
    client._account = lambda call, result: accounted.append(result)  # type: ignore[method-assign]
    stream = await create_stream(client)
    assert isinstance(stream, gptkit.AsyncStream if kind == "async" else gptkit.Stream)
    chunks = await consume(stream)
    assert all(isinstance(c, ChatCompletionChunk) for c in chunks)
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == "Hello"
    # gptkit asked for usage itself, so the usage-only chunk is hidden but recorded
    assert all(c.choices for c in chunks) and len(chunks) == 3
    assert recorder.json()["stream"] is True
    assert recorder.json()["stream_options"] == {"include_usage": True}
    final = await final_of(stream)
    assert isinstance(final, ChatCompletion)
    assert final.choices[0].message.content == "Hello" and final.choices[0].finish_reason == "stop"
    assert stream.usage is not None and stream.usage.total_tokens == 7
    assert final.request_id == stream.request_id == "req_stream"
    assert stream.response.status_code == 200
    assert accounted == [final] and accounted[0] is final
    assert stream.completed
    await close(client)


async def test_usage_chunk_shown_when_caller_asked(kind: str) -> None:
    recorder = Recorder(serve(sse(*HELLO)))
    client = make_client(kind, recorder)
    stream = await create_stream(client, stream_options={"include_usage": True})
    chunks = await consume(stream)
    assert len(chunks) == 4 and chunks[-1].choices == [] and chunks[-1].usage.total_tokens == 7
    assert stream.usage.total_tokens == 7
    await close(client)


async def test_empty_choices_chunks_never_crash(kind: str) -> None:
    # Azure opens with a content-filter chunk with no choices and no usage; it is shown.
    filter_chunk = {"id": "", "object": "", "created": 0, "model": "", "choices": [],
                    "prompt_filter_results": [{"prompt_index": 0}]}
    recorder = Recorder(serve(sse(filter_chunk, *HELLO)))
    client = make_client(kind, recorder)
    stream = await create_stream(client)
    chunks = await consume(stream)
    assert chunks[0].choices == []
    assert chunks[0].prompt_filter_results[0].prompt_index == 0
    final = await final_of(stream)
    assert final.id == "chatcmpl-s" and final.model == "gpt-4o"  # the first non-empty values
    await close(client)


@pytest.mark.parametrize("piece", [1, 4, 64])
async def test_parity_streamed_and_not_streamed_n2_tool_calls_logprobs(kind: str, piece: int) -> None:
    stream_bytes = sse(*stream_chunks(PARITY_ANSWER, piece=piece))
    recorder = Recorder(
        httpx.Response(200, json=PARITY_ANSWER, headers={"x-request-id": "req_stream"}),
        serve(*chunked(stream_bytes, 5)),
    )
    client = make_client(kind, recorder)
    kwargs = {"model": "gpt-4o", "messages": MSGS, "n": 2, "logprobs": True,
              "tools": [{"type": "function", "function": {"name": "get_weather"}}]}
    plain = client.chat.completions.create(**kwargs)
    if asyncio.iscoroutine(plain):
        plain = await plain
    stream = await create_stream(client, **kwargs)
    chunks = await consume(stream)
    streamed = await final_of(stream)
    assert streamed == plain
    assert streamed.model_dump() == plain.model_dump()
    assert streamed.choices[1].message.tool_calls[0].function.arguments == '{"city": "Paris", "unit": "c"}'
    assert [lp.token for lp in streamed.choices[0].logprobs.content] == ["Hé", "llo", " wörld", " ✓"]
    assert {c.choices[0].index for c in chunks} == {0, 1}
    await close(client)


async def test_legacy_completions_stream(kind: str) -> None:
    def text_chunk(text: str, finish: str | None = None) -> dict[str, Any]:
        return {"id": "cmpl-1", "object": "text_completion", "created": 3, "model": "gpt-3.5-turbo-instruct",
                "choices": [{"index": 0, "text": text, "finish_reason": finish, "logprobs": None}]}

    usage_chunk = {**text_chunk(""), "choices": [], "usage": USAGE}
    plain_body = {**text_chunk(" hi there", "stop"), "usage": USAGE}
    recorder = Recorder(httpx.Response(200, json=plain_body, headers={"x-request-id": "req_stream"}),
                        serve(sse(text_chunk(" hi"), text_chunk(" there"), text_chunk("", "stop"), usage_chunk)))
    client = make_client(kind, recorder)
    kwargs = {"model": "gpt-3.5-turbo-instruct", "prompt": "Say hi"}
    plain = client.completions.create(**kwargs)
    stream = client.completions.create(stream=True, **kwargs)
    if kind == "async":
        plain, stream = await plain, await stream
    chunks = await consume(stream)
    assert [c.choices[0].text for c in chunks] == [" hi", " there", ""]
    final = await final_of(stream)
    assert isinstance(final, Completion) and final == plain
    await close(client)


async def test_done_without_final_blank_line_completes(kind: str) -> None:
    recorder = Recorder(serve(sse(*HELLO, done=False) + b"data: [DONE]"))
    client = make_client(kind, recorder)
    stream = await create_stream(client)
    await consume(stream)
    assert (await final_of(stream)).choices[0].message.content == "Hello"
    await close(client)


# -- errors -------------------------------------------------------------------------------------


async def test_truncated_stream_raises_interrupted_with_what_arrived(kind: str) -> None:
    recorder = Recorder(serve(sse(chunk("Hel"), chunk("lo"), done=False)))
    client = make_client(kind, recorder, retry=NO_WAITS)
    stream = await create_stream(client)
    seen: list[Any] = []

    async def collect() -> None:
        if kind == "async":
            async for c in stream:
                seen.append(c)
        else:
            seen.extend(stream)

    with pytest.raises(gptkit.StreamInterruptedError) as info:
        await collect()
    assert [c.choices[0].delta.content for c in info.value.received] == ["Hel", "lo"]
    assert info.value.partial.choices[0].message.content == "Hello"
    assert info.value.partial.choices[0].finish_reason is None  # visibly incomplete
    assert len(seen) == 2 and len(recorder.requests) == 1  # never re-sent
    with pytest.raises(gptkit.StreamInterruptedError):
        await final_of(stream)
    await close(client)


async def test_connection_broken_mid_stream_is_interrupted_not_retried(kind: str) -> None:
    bodies: list[ScriptedBody] = []
    broken = httpx.RemoteProtocolError("peer closed connection without sending complete message body")
    recorder = Recorder(serve(sse(chunk("Hel"), done=False), broken, bodies=bodies))
    client = make_client(kind, recorder, retry=NO_WAITS)
    stream = await create_stream(client)
    with pytest.raises(gptkit.StreamInterruptedError, match="peer closed") as info:
        await consume(stream)
    assert isinstance(info.value.__cause__, httpx.RemoteProtocolError)
    assert len(info.value.received) == 1 and len(recorder.requests) == 1
    assert bodies[0].closed
    await close(client)


@pytest.mark.parametrize("event", [
    b'data: {"error": {"message": "The server is overloaded", "type": "server_error", "code": "overloaded"}}\n\n',
    b'event: error\ndata: {"error": {"message": "The server is overloaded", "type": "server_error"}}\n\n',
])
async def test_error_event_mid_stream_raises_api_error(kind: str, event: bytes) -> None:
    bodies: list[ScriptedBody] = []
    recorder = Recorder(serve(sse(chunk("Hel"), done=False) + event, bodies=bodies))
    client = make_client(kind, recorder, retry=NO_WAITS)
    stream = await create_stream(client)
    with pytest.raises(gptkit.APIError, match="The server is overloaded") as info:
        await consume(stream)
    assert type(info.value) is gptkit.APIError
    assert info.value.type == "server_error"
    assert bodies[0].closed and len(recorder.requests) == 1
    await close(client)


async def test_invalid_event_json_is_a_validation_error(kind: str) -> None:
    recorder = Recorder(serve(sse(chunk("a")) .replace(b"data: [DONE]", b"data: {not json")))
    client = make_client(kind, recorder)
    stream = await create_stream(client)
    with pytest.raises(gptkit.APIResponseValidationError, match="not valid JSON"):
        await consume(stream)
    await close(client)


async def test_stalled_stream_times_out(kind: str) -> None:
    # MockTransport does not enforce timeouts: the body raises what httpx's transport raises.
    recorder = Recorder(serve(sse(chunk("a"), done=False), httpx.ReadTimeout("timed out")))
    client = make_client(kind, recorder, retry=NO_WAITS)
    stream = await create_stream(client)
    with pytest.raises(gptkit.APITimeoutError, match="stalled"):
        await consume(stream)
    assert len(recorder.requests) == 1
    await close(client)


# -- retries before the first event -------------------------------------------------------------


async def test_503_before_first_event_is_retried(kind: str) -> None:
    recorder = Recorder(
        httpx.Response(503, json={"error": {"message": "busy", "type": "server_error"}}),
        serve(sse(*HELLO)),
    )
    client = make_client(kind, recorder, retry=NO_WAITS)
    stream = await create_stream(client)
    assert "".join(c.choices[0].delta.content or "" for c in await consume(stream)) == "Hello"
    assert len(recorder.requests) == 2
    await close(client)


@pytest.mark.parametrize("failure", ["reset", "empty", "stall"])
async def test_failure_before_first_event_is_retried(kind: str, failure: str) -> None:
    bodies: list[ScriptedBody] = []
    first = {"reset": serve(httpx.ReadError("connection reset"), bodies=bodies),
             "empty": serve(b": keep-alive\n\n", bodies=bodies),
             "stall": serve(b": hi\n\n", httpx.ReadTimeout("timed out"), bodies=bodies)}[failure]
    recorder = Recorder(first, serve(sse(*HELLO), bodies=bodies))
    client = make_client(kind, recorder, retry=NO_WAITS)
    stream = await create_stream(client)
    assert len(await consume(stream)) == 3
    assert len(recorder.requests) == 2
    assert all(b.closed for b in bodies)
    await close(client)


async def test_failure_before_first_event_without_retries_is_a_connection_error(kind: str) -> None:
    recorder = Recorder(serve(httpx.ReadError("connection reset")))
    client = make_client(kind, recorder, max_retries=0)
    with pytest.raises(gptkit.APIConnectionError) as info:
        await create_stream(client)
    assert not isinstance(info.value, gptkit.StreamInterruptedError)
    await close(client)


# -- releasing the connection -------------------------------------------------------------------


async def _settle() -> None:
    for _ in range(5):  # let the event loop run async-generator finalizers
        await asyncio.sleep(0)


async def test_early_break_closes_the_response(kind: str) -> None:
    bodies: list[ScriptedBody] = []
    recorder = Recorder(serve(*chunked(sse(*HELLO), 30), bodies=bodies))
    client = make_client(kind, recorder)
    stream = await create_stream(client)
    if kind == "async":
        async for _ in stream:
            break
        await _settle()
    else:
        for _ in stream:
            break
    assert bodies[0].closed
    with pytest.raises(gptkit.StreamInterruptedError, match="closed before"):
        await final_of(stream)
    await close(client)


async def test_exception_in_callers_loop_closes_the_response(kind: str) -> None:
    bodies: list[ScriptedBody] = []
    recorder = Recorder(serve(*chunked(sse(*HELLO), 30), bodies=bodies))
    client = make_client(kind, recorder)
    stream = await create_stream(client)

    async def failing_loop() -> None:
        if kind == "async":
            async for _ in stream:
                1 / 0  # noqa: B018
        else:
            for _ in stream:
                1 / 0  # noqa: B018

    with pytest.raises(ZeroDivisionError):
        await failing_loop()
    await _settle()
    assert bodies[0].closed
    await close(client)


async def test_context_manager_and_close(kind: str) -> None:
    bodies: list[ScriptedBody] = []
    recorder = Recorder(serve(*chunked(sse(*HELLO), 30), bodies=bodies))
    client = make_client(kind, recorder)
    stream = await create_stream(client)
    if kind == "async":
        async with stream:
            await stream.__anext__()
    else:
        with stream:
            next(stream)
    assert bodies[0].closed
    await close(client)


def test_garbage_collected_stream_closes_the_response() -> None:
    bodies: list[ScriptedBody] = []
    recorder = Recorder(serve(*chunked(sse(*HELLO), 30), bodies=bodies))
    client = make_client("sync", recorder)
    stream = client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
    next(stream)
    assert not bodies[0].closed
    del stream
    gc.collect()
    assert bodies[0].closed
    client.close()


async def test_completed_stream_reads_to_the_end_and_closes(kind: str) -> None:
    bodies: list[ScriptedBody] = []
    recorder = Recorder(serve(sse(*HELLO), b": trailing comment\n\n", bodies=bodies))
    client = make_client(kind, recorder)
    stream = await create_stream(client)
    await consume(stream)
    assert bodies[0].closed and bodies[0].yielded == 2  # the body was read to its end
    await close(client)


async def test_raw_response_stream(kind: str) -> None:
    recorder = Recorder(serve(sse(*HELLO)))
    client = make_client(kind, recorder)
    raw = client.chat.completions.with_raw_response.create(model="gpt-4o", messages=MSGS, stream=True)
    if kind == "async":
        raw = await raw
    assert raw.status_code == 200 and raw.headers["content-type"] == "text/event-stream"
    assert len(await consume(raw.parse())) == 3
    await close(client)


def test_scripted_answer_stream_matches_request_id_header() -> None:
    # sanity of the helper itself: the streamed chunks reassemble to the answer's text
    chunks = stream_chunks(copy.deepcopy(PARITY_ANSWER), piece=2)
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"]
                   and c["choices"][0]["index"] == 0)
    assert text == PARITY_ANSWER["choices"][0]["message"]["content"]
    assert SSE_HEADERS["x-request-id"] == "req_stream"
    assert json.loads(json.dumps(chunks))[-1]["usage"]["total_tokens"] == 73
    assert API_KEY not in json.dumps(chunks)
