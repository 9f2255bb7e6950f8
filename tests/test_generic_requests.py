"""``client.get / post / patch / put / delete``: the untyped escape hatch, in the official shape."""

from __future__ import annotations

from typing import Any

import httpx
import pydantic
import pytest

import gptkit
from gptkit.testing import FakeOpenAI
from gptkit.types import ChatCompletion, ChatCompletionChunk, Model
from tests.helpers import Recorder, close, make_client


async def _call(client: Any, method: str, *args: Any, **kwargs: Any) -> Any:
    result = getattr(client, method)(*args, **kwargs)
    return await result if isinstance(client, gptkit.AsyncClient) else result


class Thing(pydantic.BaseModel):
    id: str
    size: int


async def test_every_method_sends_its_request_and_casts_the_answer(kind: str) -> None:
    recorder = Recorder(lambda request: httpx.Response(
        200, json={"id": "x1", "size": 3, "object": "model"}, headers={"x-request-id": "req_g"}))
    client = make_client(kind, recorder)
    got = await _call(client, "get", "/things/x1", cast_to=Model,
                      options={"params": {"view": "full"}, "headers": {"X-Trace": "t"}})
    posted = await _call(client, "post", "things", cast_to=Thing, body={"size": 3},
                         options={"extra_json": {"flag": True}, "idempotency_key": "key-1"})
    patched = await _call(client, "patch", "/things/x1", cast_to=dict[str, Any], body={"size": 4})
    put = await _call(client, "put", "/things/x1", cast_to=str, body={"size": 5})
    deleted = await _call(client, "delete", "/things/x1", cast_to=object)
    raw = await _call(client, "get", "/things/x1", cast_to=httpx.Response)
    await close(client)
    sent = [(r.method, r.url.path, r.url.query.decode()) for r in recorder.requests]
    assert sent == [("GET", "/v1/things/x1", "view=full"), ("POST", "/v1/things", ""),
                    ("PATCH", "/v1/things/x1", ""), ("PUT", "/v1/things/x1", ""),
                    ("DELETE", "/v1/things/x1", ""), ("GET", "/v1/things/x1", "")]
    assert recorder.requests[0].headers["x-trace"] == "t" and recorder.requests[0].content == b""
    assert recorder.json(1) == {"size": 3, "flag": True}
    assert recorder.requests[1].headers["idempotency-key"] == "key-1"
    assert recorder.json(2) == {"size": 4}
    assert isinstance(got, Model) and got.id == "x1" and got.request_id == "req_g"
    assert posted == Thing(id="x1", size=3)
    assert patched == {"id": "x1", "size": 3, "object": "model"}
    assert put == '{"id":"x1","size":3,"object":"model"}'
    assert deleted == {"id": "x1", "size": 3, "object": "model"}
    assert isinstance(raw, httpx.Response) and raw.status_code == 200


async def test_retries_errors_and_validation_like_every_call(kind: str) -> None:
    fake = FakeOpenAI()
    fake.inject("server_error", status=500, times=1)
    client = (fake.client if kind == "sync" else fake.async_client)(retry=gptkit.RetryPolicy(zero_waits=True))
    models = await _call(client, "get", "/models", cast_to=dict[str, Any])
    assert fake.stats.statuses[500] == 1 and [m["id"] for m in models["data"]][:1] == ["gpt-4o"]
    with pytest.raises(gptkit.NotFoundError):
        await _call(client, "get", "/models/no-such-model", cast_to=Model)
    with pytest.raises(gptkit.APIResponseValidationError):
        await _call(client, "get", "/models/gpt-4o", cast_to=Thing)  # no "size" in a model
    with pytest.raises(gptkit.InvalidParameterError) as info:
        await _call(client, "post", "https://elsewhere.example/v1/x", cast_to=object)
    before = fake.stats.requests
    with pytest.raises(gptkit.InvalidParameterError):
        await _call(client, "post", "/x", cast_to=object, body=["not", "an", "object"])
    await close(client)
    assert info.value.param == "path" and fake.stats.requests == before


async def test_a_billed_type_is_priced_and_streams_are_typed(kind: str) -> None:
    fake = FakeOpenAI()
    client = fake.client() if kind == "sync" else fake.async_client()
    messages = [{"role": "user", "content": "Say hi"}]
    completion = await _call(client, "post", "/chat/completions", cast_to=ChatCompletion,
                             body={"model": "gpt-4o", "messages": messages})
    stream = await _call(client, "post", "/chat/completions", cast_to=ChatCompletion, stream=True,
                         stream_cls=gptkit.Stream[ChatCompletionChunk],
                         body={"model": "gpt-4o", "messages": messages, "stream": True})
    chunks = list(stream) if kind == "sync" else [chunk async for chunk in stream]
    await close(client)
    assert completion.cost is not None and completion.cost.total > 0
    assert all(isinstance(c, ChatCompletionChunk) for c in chunks) and chunks
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert client.ledger.calls == 2


def test_max_retries_in_options_applies_to_that_call() -> None:
    recorder = Recorder(httpx.Response(503, json={"error": {"message": "busy"}}))
    client = make_client("sync", recorder, retry=gptkit.RetryPolicy(zero_waits=True, max_attempts=5))
    with pytest.raises(gptkit.InternalServerError):
        client.post("/x", cast_to=object, options={"max_retries": 0})
    client.close()
    assert len(recorder.requests) == 1

