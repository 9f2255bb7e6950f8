"""The fake's uploads: parts are kept in memory and joined, in the order ``complete`` names
them, into a file of the fake's file store (checked against the declared size and ``md5``)."""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gptkit._clock import get_clock
from gptkit.testing._fake_files import FILE_PURPOSES, FakeFileStore, not_found
from gptkit.testing._fake_forms import bad_request, json_object, missing, parse_form

if TYPE_CHECKING:
    from gptkit.testing._fake_files import Handler
    from gptkit.testing._faults import FakeRequest

__all__ = ["FakeUpload", "FakeUploads"]

_PART_LIMIT = 64 * 1024 * 1024


@dataclass
class FakeUpload:
    """One upload of the fake and its parts (id -> bytes)."""

    id: str
    body: dict[str, Any]
    created_at: int
    status: str = "pending"
    parts: dict[str, bytes] = field(default_factory=dict)
    file: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "upload",
            "bytes": self.body["bytes"],
            "created_at": self.created_at,
            "expires_at": self.created_at + 3600,
            "filename": self.body["filename"],
            "purpose": self.body["purpose"],
            "status": self.status,
            "file": self.file,
        }


class FakeUploads:
    """``/uploads``, its ``parts``, ``complete`` and ``cancel``."""

    def __init__(self, files: FakeFileStore) -> None:
        self.uploads: dict[str, FakeUpload] = {}
        self._files = files
        self._serial = itertools.count(1)

    def routes(self) -> list[tuple[str, str, Handler]]:
        one = "/uploads/{upload_id}"
        return [
            ("POST", "/uploads", self._create),
            ("POST", one + "/parts", self._part),
            ("POST", one + "/complete", self._complete),
            ("POST", one + "/cancel", self._cancel),
        ]

    def _create(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        body = json_object(request)
        if body is None:
            return bad_request("The request body must be a JSON object.")
        for name in ("bytes", "filename", "mime_type", "purpose"):
            if name not in body:
                return missing(name)
        if body["purpose"] not in FILE_PURPOSES:
            return bad_request(f"'{body['purpose']}' is not a valid purpose.", "purpose", "invalid_value")
        upload = FakeUpload(f"upload_fake{next(self._serial):015d}", body, int(get_clock().wall()))
        self.uploads[upload.id] = upload
        return 200, upload.to_dict()

    def _pending(self, params: dict[str, str]) -> FakeUpload | tuple[int, Any]:
        upload = self.uploads.get(params["upload_id"])
        if upload is None:
            return not_found("upload", params["upload_id"], "upload_id")
        if upload.status != "pending":
            return bad_request(f"Upload {upload.id} is {upload.status}, not pending.")
        return upload

    def _part(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        upload = self._pending(params)
        if isinstance(upload, tuple):
            return upload
        form = parse_form(request)
        data = form.files("data") if form is not None else []
        if not data:
            return missing("data")
        if len(data[0][1]) > _PART_LIMIT:
            return bad_request("A part may hold at most 64 MB.", "data")
        part_id = f"part_fake{next(self._serial):015d}"
        upload.parts[part_id] = data[0][1]
        return 200, {
            "id": part_id,
            "object": "upload.part",
            "created_at": int(get_clock().wall()),
            "upload_id": upload.id,
        }

    def _complete(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        upload = self._pending(params)
        if isinstance(upload, tuple):
            return upload
        body = json_object(request) or {}
        part_ids = body.get("part_ids")
        if not part_ids:
            return missing("part_ids")
        unknown = [p for p in part_ids if p not in upload.parts]
        if unknown:
            return bad_request(f"Unknown part ids: {', '.join(map(str, unknown))}.", "part_ids")
        content = b"".join(upload.parts[p] for p in part_ids)
        if len(content) != upload.body["bytes"]:
            return bad_request(
                f"The parts hold {len(content)} bytes; the upload declared {upload.body['bytes']}.",
                "part_ids",
            )
        if body.get("md5") and hashlib.md5(content).hexdigest() != body["md5"]:
            return bad_request("The md5 checksum does not match the uploaded parts.", "md5")
        upload.file = self._files.add(upload.body["filename"], upload.body["purpose"], content).to_dict()
        upload.status = "completed"
        return 200, upload.to_dict()

    def _cancel(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        upload = self._pending(params)
        if isinstance(upload, tuple):
            return upload
        upload.status = "cancelled"
        return 200, upload.to_dict()
