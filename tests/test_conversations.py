"""``client.conversations`` and ``conversations.items``, sync and async, over the fake: request
shapes, typed items (messages and other Responses items), pages, errors and retries."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import gptkit
from gptkit.pagination import AsyncConversationCursorPage, SyncConversationCursorPage
from gptkit.testing import FakeOpenAI
from gptkit.types.conversations import (
    Conversation,
    ConversationDeletedResource,
    ConversationItemList,
    Message,
)
from tests.helpers import Recorder, close, invoke, make_client


def _client(kind: str, fake: FakeOpenAI, **options: Any) -> Any:
    return fake.client(**options) if kind == "sync" else fake.async_client(**options)


async def test_conversation_lifecycle(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    conversation = await invoke(client, "conversations.create", metadata={"topic": "demo"},
                                items=[{"type": "message", "role": "user", "content": "Hello!"}])
    got = await invoke(client, "conversations.retrieve", conversation.id)
    updated = await invoke(client, "conversations.update", conversation.id, metadata={"topic": "new"})
    deleted = await invoke(client, "conversations.delete", conversation.id)
    with pytest.raises(gptkit.NotFoundError):
        await invoke(client, "conversations.retrieve", conversation.id)
    await close(client)
    assert isinstance(conversation, Conversation) and conversation.id.startswith("conv_")
    assert got.metadata == {"topic": "demo"} and updated.metadata == {"topic": "new"}
    assert isinstance(deleted, ConversationDeletedResource) and deleted.deleted
    assert fake.requests[0].body == {"metadata": {"topic": "demo"},
                                     "items": [{"type": "message", "role": "user", "content": "Hello!"}]}
    assert [r.method for r in list(fake.requests)[1:4]] == ["GET", "POST", "DELETE"]


async def test_items(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    conversation = await invoke(client, "conversations.create")
    added = await invoke(client, "conversations.items.create", conversation.id, items=[
        {"type": "message", "role": "user", "content": "What's the weather?"},
        {"type": "function_call", "call_id": "call_1", "name": "weather", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "call_1", "output": "sunny"},
        {"type": "message", "role": "assistant", "content": "It is sunny."},
    ], include=["message.output_text.logprobs"])
    page = client.conversations.items.list(conversation.id, limit=3, order="asc")
    if kind == "async":
        page = await page
        everything = [item async for item in client.conversations.items.list(conversation.id, limit=3)]
    else:
        everything = list(client.conversations.items.list(conversation.id, limit=3))
    one = await invoke(client, "conversations.items.retrieve", added.data[0].id, conversation_id=conversation.id)
    after = await invoke(client, "conversations.items.delete", added.data[1].id, conversation_id=conversation.id)
    with pytest.raises(gptkit.NotFoundError):
        await invoke(client, "conversations.items.retrieve", added.data[1].id, conversation_id=conversation.id)
    await close(client)
    assert isinstance(added, ConversationItemList) and len(added) == 4
    assert isinstance(added.data[0], Message) and added.data[0].text() == "What's the weather?"
    assert added.data[1].type == "function_call" and added.data[1].name == "weather"
    assert added.data[2].type == "function_call_output"
    assert isinstance(page, (SyncConversationCursorPage, AsyncConversationCursorPage)) and page.has_more
    assert [item.type for item in page.data] == ["message", "function_call", "function_call_output"]
    assert len(everything) == 4 and everything[0].role == "assistant"  # newest first
    assert isinstance(one, Message) and one.role == "user" and isinstance(after, Conversation)
    create = fake.requests[1]
    assert create.query == {"include": "message.output_text.logprobs"}
    listed = [r for r in fake.requests if r.method == "GET" and r.path.endswith("/items")]
    assert listed[0].query == {"limit": "3", "order": "asc"} and listed[2].query["after"] == added.data[1].id


async def test_refused_before_sending_and_retried(kind: str) -> None:
    recorder = Recorder(httpx.Response(503, json={"error": {"message": "busy"}}),
                        httpx.Response(200, json={"id": "conv_1", "object": "conversation", "created_at": 1,
                                                  "metadata": {}}))
    client = make_client(kind, recorder, retry=gptkit.RetryPolicy(zero_waits=True))
    cases: list[tuple[str, tuple[Any, ...], dict[str, Any], str]] = [
        ("conversations.create", (), {"items": [{"role": "user", "content": "x"}] * 21}, "items"),
        ("conversations.create", (), {"metadata": {f"k{i}": "v" for i in range(17)}}, "metadata"),
        ("conversations.retrieve", ("",), {}, "conversation_id"),
        ("conversations.items.create", ("conv_1",), {"items": []}, "items"),
        ("conversations.items.retrieve", ("item_1",), {"conversation_id": ""}, "conversation_id"),
        ("conversations.items.delete", ("",), {"conversation_id": "conv_1"}, "item_id"),
    ]
    for path, args, kwargs, param in cases:
        with pytest.raises(gptkit.InvalidParameterError) as info:
            await invoke(client, path, *args, **kwargs)
        assert info.value.param == param, path
    with pytest.raises(gptkit.InvalidParameterError):
        client.conversations.items.list("conv_1", limit=500)
    assert recorder.requests == []
    got = await invoke(client, "conversations.retrieve", "conv_1")
    await close(client)
    assert got.id == "conv_1" and len(recorder.requests) == 2
