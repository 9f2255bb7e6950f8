"""``client.vector_stores`` with ``files`` and ``file_batches``, sync and async, over the fake:
request shapes (paths, bodies, queries, the ``OpenAI-Beta`` header), pages, search, errors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import gptkit
from gptkit.pagination import AsyncPage, SyncCursorPage, SyncPage
from gptkit.testing import FakeOpenAI
from gptkit.types import VectorStore, VectorStoreDeleted, VectorStoreSearchResponse
from gptkit.types.vector_stores import VectorStoreFile, VectorStoreFileBatch, VectorStoreFileDeleted
from tests.helpers import Recorder, close, invoke, make_client

GUIDE = b"Returns are accepted within 30 days.\n\nShipping takes 3 to 5 business days.\n"
FAQ = b"Our office is in Lisbon.\nSupport answers email within one day.\n"


def _client(kind: str, fake: FakeOpenAI, **options: Any) -> Any:
    return fake.client(**options) if kind == "sync" else fake.async_client(**options)


async def _all(kind: str, pages: Any) -> list[Any]:
    return list(pages) if kind == "sync" else [item async for item in pages]


async def test_store_lifecycle_and_search(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    guide = await invoke(client, "files.create", file=("guide.txt", GUIDE), purpose="assistants")
    faq = await invoke(client, "files.create", file=("faq.txt", FAQ), purpose="assistants")
    store = await invoke(client, "vector_stores.create", name="support", file_ids=[guide.id],
                         metadata={"team": "cs"}, expires_after={"anchor": "last_active_at", "days": 7})
    added = await invoke(client, "vector_stores.files.create", store.id, file_id=faq.id,
                         attributes={"lang": "en", "year": 2024})
    renamed = await invoke(client, "vector_stores.update", store.id, name="support-v2")
    got = await invoke(client, "vector_stores.retrieve", store.id)
    results = await invoke(client, "vector_stores.search", store.id, query="How long does shipping take?",
                           max_num_results=5, ranking_options={"score_threshold": 0.1})
    filtered = await invoke(client, "vector_stores.search", store.id, query="support email",
                            filters={"type": "eq", "key": "lang", "value": "en"})
    deleted = await invoke(client, "vector_stores.delete", store.id)
    await close(client)
    assert isinstance(store, VectorStore) and store.file_counts.completed == 1 and store.usage_bytes == len(GUIDE)
    assert isinstance(added, VectorStoreFile) and added.attributes == {"lang": "en", "year": 2024}
    assert renamed.name == "support-v2" and got.file_counts.total == 2
    assert isinstance(results, (SyncPage, AsyncPage))
    assert [type(r) for r in results.data] == [VectorStoreSearchResponse] and results.data[0].file_id == guide.id
    assert "Shipping takes" in results.data[0].content[0].text and results.data[0].score > 0
    assert [r.filename for r in filtered.data] == ["faq.txt"]
    assert isinstance(deleted, VectorStoreDeleted) and deleted.deleted
    search = next(r for r in fake.requests if r.path.endswith("/search"))
    assert search.method == "POST" and search.body == {"query": "How long does shipping take?",
                                                       "max_num_results": 5,
                                                       "ranking_options": {"score_threshold": 0.1}}
    assert all(r.headers.get("openai-beta") == "assistants=v2" for r in fake.requests
               if r.path.startswith("/vector_stores"))


async def test_files_pages_content_and_removal(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    uploads = [await invoke(client, "files.create", file=(f"f{i}.txt", FAQ), purpose="assistants")
               for i in range(5)]
    store = await invoke(client, "vector_stores.create", name="many")
    for upload in uploads:
        await invoke(client, "vector_stores.files.create", store.id, file_id=upload.id)
    listed = await _all(kind, client.vector_stores.files.list(store.id, limit=2, order="asc"))
    one = await invoke(client, "vector_stores.files.retrieve", uploads[0].id, vector_store_id=store.id)
    updated = await invoke(client, "vector_stores.files.update", uploads[0].id, vector_store_id=store.id,
                           attributes={"k": "v"})
    content = await invoke(client, "vector_stores.files.content", uploads[0].id, vector_store_id=store.id)
    removed = await invoke(client, "vector_stores.files.delete", uploads[1].id, vector_store_id=store.id)
    stores = await _all(kind, client.vector_stores.list(limit=1))
    await close(client)
    assert [f.id for f in listed] == [u.id for u in uploads]  # three pages of two
    assert one.status == "completed" and updated.attributes == {"k": "v"}
    assert [c.text for c in content.data] == ["Our office is in Lisbon.", "Support answers email within one day."]
    assert isinstance(removed, VectorStoreFileDeleted) and removed.deleted and uploads[1].id in fake.files
    assert [s.id for s in stores] == [store.id]
    queries = [r.query for r in fake.requests if r.path == f"/vector_stores/{store.id}/files" and r.method == "GET"]
    assert queries[0] == {"limit": "2", "order": "asc"} and queries[1]["after"] == uploads[1].id


async def test_file_batches(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    a = await invoke(client, "files.create", file=("a.txt", GUIDE), purpose="assistants")
    b = await invoke(client, "files.create", file=("b.txt", FAQ), purpose="assistants")
    store = await invoke(client, "vector_stores.create", name="batched")
    batch = await invoke(client, "vector_stores.file_batches.create", store.id, file_ids=[a.id],
                         attributes={"src": "web"})
    other = await invoke(client, "vector_stores.file_batches.create", store.id,
                         files=[{"file_id": b.id, "attributes": {"src": "mail"}}])
    cancelled = await invoke(client, "vector_stores.file_batches.cancel", other.id, vector_store_id=store.id)
    done = await invoke(client, "vector_stores.file_batches.retrieve", batch.id, vector_store_id=store.id)
    files = await _all(kind, client.vector_stores.file_batches.list_files(batch.id, vector_store_id=store.id))
    with pytest.raises(gptkit.BadRequestError):
        await invoke(client, "vector_stores.file_batches.cancel", batch.id, vector_store_id=store.id)
    await close(client)
    assert isinstance(batch, VectorStoreFileBatch) and batch.status == "in_progress"
    assert cancelled.status == "cancelled" and done.status == "completed" and done.file_counts.completed == 1
    assert [f.id for f in files] == [a.id] and files[0].attributes == {"src": "web"}


async def test_refused_before_sending_and_typed_errors(kind: str) -> None:
    recorder = Recorder(httpx.Response(404, json={"error": {"message": "No vector store", "type": "invalid"}}))
    client = make_client(kind, recorder)
    cases: list[tuple[str, tuple[Any, ...], dict[str, Any], str]] = [
        ("vector_stores.create", (), {"expires_after": {"anchor": "last_active_at", "days": 0}},
         "expires_after.days"),
        ("vector_stores.create", (), {"chunking_strategy": {"type": "static", "static": {
            "max_chunk_size_tokens": 9000, "chunk_overlap_tokens": 0}}}, "chunking_strategy.static.max_chunk_size_tokens"),
        ("vector_stores.search", ("vs_1",), {"query": ""}, "query"),
        ("vector_stores.search", ("vs_1",), {"query": "x", "max_num_results": 51}, "max_num_results"),
        ("vector_stores.retrieve", ("",), {}, "vector_store_id"),
        ("vector_stores.files.retrieve", ("file-1",), {"vector_store_id": ""}, "vector_store_id"),
        ("vector_stores.files.create", ("vs_1",), {"file_id": ""}, "file_id"),
        ("vector_stores.file_batches.cancel", ("",), {"vector_store_id": "vs_1"}, "batch_id"),
    ]
    for path, args, kwargs, param in cases:
        with pytest.raises(gptkit.InvalidParameterError) as info:
            await invoke(client, path, *args, **kwargs)
        assert info.value.param == param, path
    for bad in ({"limit": 101}, {"order": "sideways"}):
        with pytest.raises(gptkit.InvalidParameterError):
            client.vector_stores.list(**bad)
    assert recorder.requests == []
    with pytest.raises(gptkit.NotFoundError):
        await invoke(client, "vector_stores.retrieve", "vs_missing")
    await close(client)


async def test_5xx_is_retried(kind: str) -> None:
    fake = FakeOpenAI()
    fake.inject("server_error", status=503, times=1, when=lambda r: r.path.endswith("/search"))
    client = _client(kind, fake, retry=gptkit.RetryPolicy(zero_waits=True))
    upload = await invoke(client, "files.create", file=("g.txt", GUIDE), purpose="assistants")
    store = await invoke(client, "vector_stores.create", file_ids=[upload.id])
    results = await invoke(client, "vector_stores.search", store.id, query="returns")
    await close(client)
    searches = [r for r in fake.requests if r.path.endswith("/search")]
    assert len(searches) == 2 and searches[1].attempt == 2 and results.data


def test_sync_page_types() -> None:
    fake = FakeOpenAI()
    with fake.client() as client:
        assert isinstance(client.vector_stores.list(), SyncCursorPage)


async def test_upload_and_poll_helpers(kind: str) -> None:
    from gptkit.testing import VirtualClock

    fake = FakeOpenAI()
    with VirtualClock():
        client = _client(kind, fake)
        store = await invoke(client, "vector_stores.create", name="polled")
        uploaded = await invoke(client, "vector_stores.files.upload_and_poll", vector_store_id=store.id,
                                file=("notes.txt", FAQ), poll_interval_ms=10)
        other = await invoke(client, "files.create", file=("g.txt", GUIDE), purpose="assistants")
        batch = await invoke(client, "vector_stores.file_batches.create_and_poll", store.id, file_ids=[other.id],
                             poll_interval_ms=10)
        await close(client)
    assert uploaded.status == "completed" and fake.files[uploaded.id].purpose == "assistants"
    assert batch.status == "completed" and batch.file_counts.completed == 1
    looks = [r for r in fake.requests if "/file_batches/" in r.path and r.method == "GET"]
    assert len(looks) == 1  # the fake finishes a batch when it is first looked at
