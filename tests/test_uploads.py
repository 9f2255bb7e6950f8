"""``client.uploads``: create, ``parts.create`` (multipart), complete, cancel and the chunked
helper, sync and async, over the fake (parts joined into a file) and a recording transport."""

from __future__ import annotations

import hashlib
import pathlib
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.testing import FakeOpenAI
from gptkit.types import Upload
from gptkit.types.uploads import UploadPart
from tests.helpers import Recorder, close, invoke, make_client

DATA = b"".join(f'{{"custom_id": "r{i}"}}\n'.encode() for i in range(100))


def _client(kind: str, fake: FakeOpenAI, **options: Any) -> Any:
    return fake.client(**options) if kind == "sync" else fake.async_client(**options)


async def test_parts_join_into_a_file(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    upload = await invoke(client, "uploads.create", bytes=len(DATA), filename="big.jsonl",
                          mime_type="application/jsonl", purpose="batch")
    first = await invoke(client, "uploads.parts.create", upload.id, data=DATA[:1000])
    second = await invoke(client, "uploads.parts.create", upload.id, data=("part2", DATA[1000:]))
    done = await invoke(client, "uploads.complete", upload.id, part_ids=[first.id, second.id],
                        md5=hashlib.md5(DATA).hexdigest())
    await close(client)
    assert isinstance(upload, Upload) and upload.status == "pending"
    assert isinstance(first, UploadPart) and first.upload_id == upload.id
    assert done.status == "completed" and done.file is not None and done.file.bytes == len(DATA)
    assert fake.files[done.file.id].content == DATA
    part = fake.requests[1]
    assert part.path == f"/uploads/{upload.id}/parts" and part.headers["content-type"].startswith("multipart/")
    assert b'name="data"' in part.content
    assert fake.requests[3].body["part_ids"] == [first.id, second.id]


async def test_chunked_helper_and_cancel(kind: str, tmp_path: pathlib.Path) -> None:
    source = tmp_path / "train.jsonl"
    source.write_bytes(DATA)
    fake = FakeOpenAI()
    client = _client(kind, fake)
    done = await invoke(client, "uploads.upload_file_chunked", file=source, mime_type="application/jsonl",
                        purpose="fine-tune", part_size=700)
    from_bytes = await invoke(client, "uploads.upload_file_chunked", file=DATA[:10], filename="x.jsonl",
                              mime_type="application/jsonl", purpose="batch")
    pending = await invoke(client, "uploads.create", bytes=5, filename="c.txt", mime_type="text/plain",
                           purpose="assistants")
    cancelled = await invoke(client, "uploads.cancel", pending.id)
    with pytest.raises(gptkit.BadRequestError):
        await invoke(client, "uploads.parts.create", pending.id, data=b"12345")
    await close(client)
    assert done.file is not None and fake.files[done.file.id].content == DATA and done.filename == "train.jsonl"
    parts = [r for r in fake.requests if r.path.endswith("/parts")]
    assert len(parts) >= 4  # ceil(len(DATA) / 700) parts, then one for the bytes upload
    assert from_bytes.status == "completed" and cancelled.status == "cancelled"


async def test_refused_before_sending(kind: str) -> None:
    recorder = Recorder()
    client = make_client(kind, recorder)
    cases: list[tuple[str, tuple[Any, ...], dict[str, Any], str]] = [
        ("uploads.create", (), {"bytes": 0, "filename": "a", "mime_type": "t", "purpose": "batch"}, "bytes"),
        ("uploads.create", (), {"bytes": 1, "filename": "", "mime_type": "t", "purpose": "batch"}, "filename"),
        ("uploads.complete", ("upload_1",), {"part_ids": []}, "part_ids"),
        ("uploads.cancel", ("",), {}, "upload_id"),
        ("uploads.parts.create", ("upload_1",), {"data": "not bytes"}, "data"),
        ("uploads.upload_file_chunked", (), {"file": b"x", "mime_type": "t", "purpose": "batch"}, "filename"),
        ("uploads.upload_file_chunked", (), {"file": pathlib.Path("/no/such"), "mime_type": "t",
                                              "purpose": "batch"}, "file"),
    ]
    for path, args, kwargs, param in cases:
        with pytest.raises(gptkit.InvalidParameterError) as info:
            await invoke(client, path, *args, **kwargs)
        assert info.value.param == param, path
    await close(client)
    assert recorder.requests == []


async def test_a_part_is_resent_whole_after_a_5xx(kind: str) -> None:
    part = {"id": "part_1", "object": "upload.part", "created_at": 1, "upload_id": "upload_1"}
    recorder = Recorder(httpx.Response(502, text="bad gateway"), httpx.Response(200, json=part))
    client = make_client(kind, recorder, retry=gptkit.RetryPolicy(zero_waits=True))
    result = await invoke(client, "uploads.parts.create", "upload_1", data=DATA)
    await close(client)
    first, second = recorder.requests
    assert first.content == second.content and DATA in second.content and result.id == "part_1"
