"""Stored chat completions (retrieve, update, list, delete, messages.list), ``models.delete`` and
the deprecated ``files.retrieve_content``, over the transport seam."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.types.chat import ChatCompletion, ChatCompletionDeleted, ChatCompletionStoreMessage

from .helpers import Recorder, chat_body, close, make_client

MESSAGE = {"id": "chatcmpl-1-0", "role": "user", "content": "hi",
           "content_parts": [{"type": "text", "text": "hi"}]}


def _api(request: httpx.Request) -> httpx.Response:
    path, method = request.url.path, request.method
    if path == "/v1/chat/completions" and method == "GET":
        after = request.url.params.get("after")
        page = [chat_body("two")] if after else [chat_body("one")]
        page[0]["id"] = "chatcmpl-2" if after else "chatcmpl-1"
        return httpx.Response(200, json={"object": "list", "data": page, "has_more": not after})
    if path == "/v1/chat/completions/chatcmpl-1/messages":
        return httpx.Response(200, json={"object": "list", "data": [MESSAGE], "has_more": False})
    if path == "/v1/chat/completions/chatcmpl-1" and method == "DELETE":
        return httpx.Response(200, json={"id": "chatcmpl-1", "object": "chat.completion.deleted", "deleted": True})
    if path == "/v1/chat/completions/chatcmpl-1":
        body = chat_body("stored")
        if method == "POST":
            body["metadata"] = json.loads(request.content)["metadata"]
        return httpx.Response(200, json=body)
    if path == "/v1/models/ft:gpt-4o:acme" or path == "/v1/models/ft%3Agpt-4o%3Aacme":
        return httpx.Response(200, json={"id": "ft:gpt-4o:acme", "object": "model", "deleted": True})
    if path == "/v1/files/file-1/content":
        return httpx.Response(200, content=b'{"line": 1}\n')
    return httpx.Response(404, json={"error": {"message": f"no route {method} {path}"}})


async def _call(value: Any) -> Any:
    return await value if hasattr(value, "__await__") else value


async def test_stored_chat_completions(kind: str) -> None:
    rec = Recorder(_api)
    client: Any = make_client(kind, rec)
    completions = client.chat.completions
    stored = await _call(completions.retrieve("chatcmpl-1"))
    assert isinstance(stored, ChatCompletion) and stored.choices[0].message.content == "stored"
    updated = await _call(completions.update("chatcmpl-1", metadata={"team": "a"}))
    assert rec.json() == {"metadata": {"team": "a"}} and updated.metadata == {"team": "a"}
    listed = completions.list(limit=1, metadata={"team": "a"}, model="gpt-4o", order="desc")
    ids = [c.id async for c in listed] if kind == "async" else [c.id for c in listed]
    assert ids == ["chatcmpl-1", "chatcmpl-2"]  # the second page was fetched after the first's last id
    first_query = rec.requests[2].url.params
    assert dict(first_query) == {"limit": "1", "order": "desc", "metadata[team]": "a", "model": "gpt-4o"}
    messages = await _call(completions.messages.list("chatcmpl-1", limit=5))
    assert [type(m) for m in messages.data] == [ChatCompletionStoreMessage]
    assert messages.data[0].content_parts[0].text == "hi"
    deleted = await _call(completions.delete("chatcmpl-1"))
    assert isinstance(deleted, ChatCompletionDeleted) and deleted.deleted
    # reading a stored completion back does not bill it again
    assert client.ledger.calls == 0
    raw = await _call(client.with_raw_response.chat.completions.retrieve("chatcmpl-1"))
    assert raw.status_code == 200 and raw.parse().id == "chatcmpl-1"
    sent = len(rec.requests)
    with pytest.raises(gptkit.InvalidParameterError):
        await _call(completions.retrieve(""))
    with pytest.raises(gptkit.InvalidParameterError, match="metadata"):
        await _call(completions.update("chatcmpl-1", metadata={"k" * 65: "v"}))
    assert len(rec.requests) == sent  # refused before anything was sent
    await _call(completions.update("chatcmpl-1", metadata=None))  # clears it: sent as null
    assert rec.json() == {"metadata": None}
    await close(client)


async def test_models_delete_and_files_retrieve_content(kind: str) -> None:
    rec = Recorder(_api)
    client: Any = make_client(kind, rec)
    deleted = await _call(client.models.delete("ft:gpt-4o:acme"))
    assert deleted.deleted and rec.requests[-1].method == "DELETE"
    with pytest.warns(DeprecationWarning, match="content"):
        text = await _call(client.files.retrieve_content("file-1"))
    assert text == '{"line": 1}\n'
    await close(client)


async def test_the_fake_serves_stored_completions(kind: str) -> None:
    from gptkit.testing import FakeOpenAI

    fake = FakeOpenAI()
    client: Any = fake.client() if kind == "sync" else fake.async_client()
    kept = await _call(client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"}],
        store=True, metadata={"run": "1"}))
    await _call(client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}]))
    listed = client.chat.completions.list(metadata={"run": "1"})
    ids = [c.id async for c in listed] if kind == "async" else [c.id for c in listed]
    assert ids == [kept.id]  # only the stored one, filtered by its metadata
    stored = await _call(client.chat.completions.retrieve(kept.id))
    assert stored.choices[0].message.content == kept.choices[0].message.content
    messages = await _call(client.chat.completions.messages.list(kept.id))
    assert [(m.role, m.content) for m in messages.data] == [("system", "Be brief."), ("user", "hi")]
    await _call(client.chat.completions.delete(kept.id))
    with pytest.raises(gptkit.NotFoundError):
        await _call(client.chat.completions.retrieve(kept.id))
    await close(client)
