"""``client.files`` and ``client.batches`` over the transport seam, sync and async alike."""

from __future__ import annotations

import io
import json
import pathlib
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.pagination import AsyncCursorPage, SyncCursorPage
from gptkit.types import Batch, BinaryContent, FileDeleted, FileObject

from .helpers import Recorder, close, invoke, make_client

FILE = {"id": "file-1", "object": "file", "bytes": 12, "created_at": 1, "filename": "in.jsonl",
        "purpose": "batch", "status": "processed"}
BATCH = {"id": "batch_1", "object": "batch", "endpoint": "/v1/chat/completions", "input_file_id": "file-1",
         "completion_window": "24h", "status": "validating", "created_at": 1,
         "request_counts": {"total": 2, "completed": 1, "failed": 0}, "metadata": {"job": "nightly"}}


def _multipart(request: httpx.Request) -> dict[str, Any]:
    """The form fields and file parts of a multipart request (parsed with the stdlib)."""
    from email.parser import BytesParser
    from email.policy import default

    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=default).parsebytes(head + request.content)
    parts: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        payload = part.get_payload(decode=True)
        parts[name] = (filename, payload, part.get_content_type()) if filename else payload.decode()
    return parts


@pytest.mark.parametrize(
    ("make_file", "expected_name"),
    [
        (lambda p: p, "in.jsonl"),
        (lambda p: p.read_bytes(), "upload"),
        (lambda p: ("named.jsonl", p.read_bytes()), "named.jsonl"),
        (lambda p: io.BytesIO(p.read_bytes()), "upload"),
    ],
)
async def test_files_create_uploads_multipart(kind: str, tmp_path: pathlib.Path, make_file: Any,
                                              expected_name: str) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"a": 1}\n{"b": 2}\n')
    recorder = Recorder(httpx.Response(200, json=FILE, headers={"x-request-id": "req_f"}))
    client = make_client(kind, recorder)
    created = await invoke(client, "files.create", file=make_file(source), purpose="batch")
    await close(client)
    assert isinstance(created, FileObject) and created.id == "file-1" and created.request_id == "req_f"
    request = recorder.requests[0]
    assert request.method == "POST" and request.url.path == "/v1/files"
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert request.headers["authorization"].startswith("Bearer ")
    parts = _multipart(request)
    assert parts["purpose"] == "batch"
    assert parts["file"][0] == expected_name and parts["file"][1] == source.read_bytes()


async def test_files_upload_is_resent_whole_on_retry(kind: str, tmp_path: pathlib.Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"x" * 10_000)
    recorder = Recorder(httpx.Response(503), httpx.Response(200, json=FILE))
    client = make_client(kind, recorder, retry=gptkit.RetryPolicy(zero_waits=True))
    await invoke(client, "files.create", file=source, purpose="batch")
    await close(client)
    assert len(recorder.requests) == 2
    assert [_multipart(r)["file"][1] for r in recorder.requests] == [source.read_bytes()] * 2


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"file": "in.jsonl", "purpose": "batch"}, "file"),
        ({"file": 12, "purpose": "batch"}, "file"),
        ({"file": pathlib.Path("/nonexistent/x.jsonl"), "purpose": "batch"}, "file"),
        ({"file": b"x", "purpose": ""}, "purpose"),
    ],
)
async def test_files_create_rejects_bad_input_before_io(kind: str, kwargs: dict[str, Any], param: str) -> None:
    recorder = Recorder()
    client = make_client(kind, recorder)
    with pytest.raises(gptkit.InvalidParameterError) as info:
        await invoke(client, "files.create", **kwargs)
    await close(client)
    assert info.value.param == param and recorder.requests == []


async def test_files_retrieve_content_delete_list(kind: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/v1/files/file-1/content":
            return httpx.Response(200, content=b'{"x":1}\n\n{"y":2}\n', headers={"x-request-id": "req_c"})
        if request.method == "DELETE":
            return httpx.Response(200, json={"id": "file-1", "object": "file", "deleted": True})
        if path == "/v1/files":
            return httpx.Response(200, json={"object": "list", "data": [FILE], "has_more": False})
        return httpx.Response(200, json=FILE)

    recorder = Recorder(handler)
    client = make_client(kind, recorder)
    got = await invoke(client, "files.retrieve", "file-1")
    content = await invoke(client, "files.content", "file-1")
    deleted = await invoke(client, "files.delete", "file-1")
    listed = await invoke(client, "files.list", purpose="batch", limit=5)
    await close(client)
    assert isinstance(got, FileObject) and got.filename == "in.jsonl"
    assert isinstance(content, BinaryContent) and content.request_id == "req_c"
    assert list(content.iter_lines()) == ['{"x":1}', '', '{"y":2}'] and content.text.startswith('{"x"')
    assert isinstance(deleted, FileDeleted) and deleted.deleted is True
    assert isinstance(listed, (SyncCursorPage, AsyncCursorPage)) and [f.id for f in listed.data] == ["file-1"]
    assert listed.has_more is False and not listed.has_next_page()
    assert [(r.method, r.url.path) for r in recorder.requests] == [
        ("GET", "/v1/files/file-1"), ("GET", "/v1/files/file-1/content"),
        ("DELETE", "/v1/files/file-1"), ("GET", "/v1/files"),
    ]
    assert dict(recorder.requests[-1].url.params) == {"purpose": "batch", "limit": "5"}


async def test_file_ids_are_checked_and_quoted(kind: str) -> None:
    recorder = Recorder(httpx.Response(200, json=FILE))
    client = make_client(kind, recorder)
    with pytest.raises(gptkit.InvalidParameterError):
        await invoke(client, "files.retrieve", "")
    await invoke(client, "files.retrieve", "a/b")
    await close(client)
    assert recorder.requests[0].url.raw_path == b"/v1/files/a%2Fb"


async def test_batches_create_retrieve_cancel_list(kind: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/batches" and request.method == "GET":
            return httpx.Response(200, json={"object": "list", "data": [BATCH], "has_more": True,
                                             "last_id": "batch_1"})
        if request.url.path.endswith("/cancel"):
            return httpx.Response(200, json={**BATCH, "status": "cancelling"})
        return httpx.Response(200, json=BATCH)

    recorder = Recorder(handler)
    client = make_client(kind, recorder)
    created = await invoke(client, "batches.create", input_file_id="file-1", endpoint="/v1/chat/completions",
                           metadata={"job": "nightly"})
    got = await invoke(client, "batches.retrieve", "batch_1")
    cancelled = await invoke(client, "batches.cancel", "batch_1")
    page = await invoke(client, "batches.list", limit=10, after="batch_0")
    await close(client)
    assert isinstance(created, Batch) and created.request_counts is not None
    assert created.request_counts.completed == 1 and not created.is_done
    assert recorder.json(0) == {"input_file_id": "file-1", "endpoint": "/v1/chat/completions",
                                "completion_window": "24h", "metadata": {"job": "nightly"}}
    assert got.id == "batch_1" and cancelled.status == "cancelling"
    assert page.has_more and [b.id for b in page.data] == ["batch_1"] and page.has_next_page()
    assert [(r.method, r.url.path) for r in recorder.requests] == [
        ("POST", "/v1/batches"), ("GET", "/v1/batches/batch_1"),
        ("POST", "/v1/batches/batch_1/cancel"), ("GET", "/v1/batches"),
    ]
    assert dict(recorder.requests[-1].url.params) == {"after": "batch_0", "limit": "10"}


async def test_batches_create_validates_params(kind: str) -> None:
    recorder = Recorder()
    client = make_client(kind, recorder)
    with pytest.raises(gptkit.InvalidParameterError) as info:
        await invoke(client, "batches.create", input_file_id="file-1", endpoint="/v1/nope")
    with pytest.raises(gptkit.InvalidParameterError):
        await invoke(client, "batches.list", limit=0)
    await close(client)
    assert info.value.param == "endpoint" and recorder.requests == []


async def test_file_content_error_is_typed(kind: str) -> None:
    body = {"error": {"message": "No such file", "type": "invalid_request_error", "code": None}}
    recorder = Recorder(httpx.Response(404, json=body))
    client = make_client(kind, recorder)
    with pytest.raises(gptkit.NotFoundError) as info:
        await invoke(client, "files.content", "file-x")
    await close(client)
    assert "No such file" in str(info.value)


def test_batch_status_helpers() -> None:
    batch = Batch.model_validate({**BATCH, "status": "completed", "output_file_id": "file-2"})
    assert batch.is_done and json.loads(batch.to_json())["output_file_id"] == "file-2"
