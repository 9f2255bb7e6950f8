"""List endpoints page as the official package's do: iterate a page for every item (fetching the
next pages as it goes), ``await`` an async list for one page, page by hand, raw pages."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import gptkit
from gptkit.pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
from gptkit.testing import FakeOpenAI
from tests.helpers import Recorder, close, make_client


def _fake_with_files(n: int) -> FakeOpenAI:
    fake = FakeOpenAI()
    for i in range(n):
        fake._file_store.add(f"f{i}.jsonl", "batch", b"{}\n")
    return fake


def test_sync_iteration_fetches_every_page() -> None:
    fake = _fake_with_files(5)
    client = fake.client()
    page = client.files.list(limit=2, order="asc")
    assert isinstance(page, SyncCursorPage) and len(page.data) == 2 and page.has_more
    names = [f.filename for f in page]
    pages = list(client.files.list(limit=2, order="asc").iter_pages())
    second = page.get_next_page()
    client.close()
    assert names == [f"f{i}.jsonl" for i in range(5)]
    assert [len(p.data) for p in pages] == [2, 2, 1] and not pages[-1].has_next_page()
    assert [f.filename for f in second.data] == ["f2.jsonl", "f3.jsonl"]
    queries = [r.query for r in fake.requests if r.path == "/files"]
    assert queries[1] == {"limit": "2", "order": "asc", "after": page.data[-1].id}
    with pytest.raises(RuntimeError):
        pages[-1].get_next_page()


async def test_async_list_is_awaitable_and_async_iterable() -> None:
    fake = _fake_with_files(5)
    client = fake.async_client()
    paginator = client.files.list(limit=2, order="asc")
    assert isinstance(paginator, AsyncPaginator)
    page = await paginator
    names = [f.filename async for f in client.files.list(limit=2, order="asc")]
    next_page = await page.get_next_page()
    pages = [p async for p in page.iter_pages()]
    await client.aclose()
    assert isinstance(page, AsyncCursorPage) and page.has_next_page() and len(page) == 2
    assert names == [f"f{i}.jsonl" for i in range(5)]
    assert [f.filename for f in next_page.data] == ["f2.jsonl", "f3.jsonl"]
    assert [len(p.data) for p in pages] == [2, 2, 1]


async def test_raw_pages_still_page(kind: str) -> None:
    fake = _fake_with_files(3)
    client = fake.client() if kind == "sync" else fake.async_client()
    raw: Any = client.files.with_raw_response.list(limit=2, order="asc")
    if kind == "async":
        raw = await raw
    page = raw.parse()
    following = page.get_next_page()
    if kind == "async":
        following = await following
    await close(client)
    assert raw.status_code == 200 and raw.request_id is not None
    assert [f.filename for f in following.data] == ["f2.jsonl"] and not following.has_more


async def test_a_server_repeating_its_cursor_does_not_loop_forever(kind: str) -> None:
    body = {"object": "list", "data": [{"id": "batch_1", "object": "batch", "status": "completed"}],
            "has_more": True}
    recorder = Recorder(httpx.Response(200, json=body))
    client = make_client(kind, recorder)
    if kind == "sync":
        ids = [b.id for b in client.batches.list()]
    else:
        ids = [b.id async for b in client.batches.list()]
    await close(client)
    assert ids == ["batch_1", "batch_1"] and len(recorder.requests) == 2


async def test_list_parameters_are_checked_before_sending(kind: str) -> None:
    recorder = Recorder()
    client = make_client(kind, recorder)
    for bad in ({"limit": 0}, {"limit": "5"}, {"limit": 101}):
        with pytest.raises(gptkit.InvalidParameterError):
            client.batches.list(**bad)
    with pytest.raises(gptkit.InvalidParameterError):
        client.files.list(order="up")
    await close(client)
    assert recorder.requests == []
