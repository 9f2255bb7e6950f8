"""The fake's Files API: multipart uploads, listing, metadata, content and deletion.

Files live in memory. The handlers are sans-IO route handlers the fake's core calls under its
lock; Batch API jobs (``_fake_batches``) read their input from here and write their output and
error files here.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gptkit._clock import get_clock
from gptkit.testing._fake_answers import error_body
from gptkit.testing._fake_forms import parse_form
from gptkit.testing._fake_reply import FakeReply

if TYPE_CHECKING:
    from gptkit.testing._faults import FakeRequest

__all__ = ["FILE_PURPOSES", "FakeFile", "FakeFileStore", "Handler", "list_page", "not_found", "page_limit"]

#: What ``POST /files`` accepts as ``purpose`` (outputs get ``batch_output``).
FILE_PURPOSES = frozenset({"assistants", "batch", "fine-tune", "vision", "user_data", "evals"})

Handler = Callable[["FakeRequest", dict[str, str]], "FakeReply | tuple[int, Any]"]


@dataclass
class FakeFile:
    """A file the fake holds: uploaded by a client, or written by a batch job."""

    id: str
    filename: str
    purpose: str
    content: bytes
    created_at: int

    def to_dict(self) -> dict[str, Any]:
        """The API's ``file`` object."""
        return {"id": self.id, "object": "file", "bytes": len(self.content), "created_at": self.created_at,
                "expires_at": None, "filename": self.filename, "purpose": self.purpose,
                "status": "processed", "status_details": None}


def not_found(kind: str, ident: str, param: str = "id") -> tuple[int, Any]:
    return 404, error_body(f"No such {kind}: '{ident}'", "invalid_request_error", None, param)


def _bad(message: str, param: str | None = None, code: str | None = None) -> tuple[int, Any]:
    return 400, error_body(message, "invalid_request_error", code, param)


def list_page(items: list[dict[str, Any]], after: str | None, limit: int) -> dict[str, Any]:
    """One page of a list answer, starting after the item whose id is ``after``."""
    if after is not None:
        ids = [item["id"] for item in items]
        items = items[ids.index(after) + 1:] if after in ids else []
    page = items[:limit]
    return {"object": "list", "data": page, "first_id": page[0]["id"] if page else None,
            "last_id": page[-1]["id"] if page else None, "has_more": len(items) > limit}


def page_limit(raw: str | None, default: int, most: int) -> int | None:
    """A ``limit`` query value, or None when it is not an integer in [1, most]."""
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if 1 <= value <= most else None


class FakeFileStore:
    """Files by id, and the ``/files`` endpoints that serve them."""

    def __init__(self) -> None:
        self.files: dict[str, FakeFile] = {}
        self._serial = itertools.count(1)

    def add(self, filename: str, purpose: str, content: bytes) -> FakeFile:
        """Store a new file (ids are sequential, so runs are repeatable)."""
        file = FakeFile(f"file-fake{next(self._serial):015d}", filename, purpose, content,
                        int(get_clock().wall()))
        self.files[file.id] = file
        return file

    def routes(self) -> list[tuple[str, str, Handler]]:
        return [("POST", "/files", self._create), ("GET", "/files", self._list),
                ("GET", "/files/{file_id}", self._retrieve), ("DELETE", "/files/{file_id}", self._delete),
                ("GET", "/files/{file_id}/content", self._content)]

    def _create(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        form = parse_form(request)
        if form is None:
            return _bad("Uploads must be multipart/form-data with 'file' and 'purpose' parts.")
        purpose = form.value("purpose") or ""
        files = form.files("file")
        if not files:
            return _bad("Missing required parameter: 'file'.", "file", "missing_required_parameter")
        if purpose not in FILE_PURPOSES:
            allowed = ", ".join(sorted(FILE_PURPOSES))
            return _bad(f"'{purpose}' is not one of [{allowed}] - 'purpose'", "purpose", "invalid_value")
        filename, content = files[-1]
        return 200, self.add(filename or "upload", purpose, content).to_dict()

    def _list(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        query = request.query
        limit = page_limit(query.get("limit"), 10_000, 10_000)
        order = query.get("order", "desc")
        if limit is None or order not in ("asc", "desc"):
            return _bad("'limit' must be 1..10000 and 'order' 'asc' or 'desc'.", "limit")
        files = list(self.files.values())  # creation order
        if "purpose" in query:
            files = [f for f in files if f.purpose == query["purpose"]]
        if order == "desc":
            files.reverse()
        return 200, list_page([f.to_dict() for f in files], query.get("after"), limit)

    def _retrieve(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        file = self.files.get(params["file_id"])
        return (200, file.to_dict()) if file is not None else not_found("File object", params["file_id"])

    def _delete(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        file = self.files.pop(params["file_id"], None)
        if file is None:
            return not_found("File object", params["file_id"])
        return 200, {"id": file.id, "object": "file", "deleted": True}

    def _content(self, request: FakeRequest, params: dict[str, str]) -> FakeReply | tuple[int, Any]:
        file = self.files.get(params["file_id"])
        if file is None:
            return not_found("File object", params["file_id"])
        return FakeReply(200, [("content-type", "application/octet-stream")], [file.content])
