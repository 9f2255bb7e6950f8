"""``client.uploads``: send a large file in parts (create, ``parts.create``, complete, cancel).

``upload_file_chunked`` does all of it: it creates the upload, sends the file in parts (64 MB by
default) and completes it, returning the ``Upload`` whose ``file`` can be used like any file.
Every step is an ordinary call of the client (retries, events, the ledger). The ``Async``
classes run the same methods (``gptkit.resources._twin``).
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from typing import IO, Any, Final, cast

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit.resources._common import FileTypes, body_params, file_parts, invalid, path_with
from gptkit.resources._resource import AsyncResource, Steps, Sub, SyncResource
from gptkit.resources._twin import twin
from gptkit.types.request_options import RequestOptions
from gptkit.types.upload import Upload
from gptkit.types.upload_complete_params import UploadCompleteParams
from gptkit.types.upload_create_params import ExpiresAfter, UploadCreateParams
from gptkit.types.uploads.upload_part import UploadPart

__all__ = ["AsyncParts", "AsyncUploads", "Parts", "Uploads"]

_UPLOAD = "/uploads/{upload_id}"
CREATE = Endpoint(
    method="POST",
    path="/uploads",
    response=Upload,
    validator=ParamValidator(UploadCreateParams, "uploads.create"),
)
COMPLETE = Endpoint(
    method="POST",
    path=_UPLOAD + "/complete",
    response=Upload,
    validator=ParamValidator(UploadCompleteParams, "uploads.complete"),
)
CANCEL = Endpoint(method="POST", path=_UPLOAD + "/cancel", response=Upload)
PART = Endpoint(method="POST", path=_UPLOAD + "/parts", response=UploadPart)
#: The default size of a part of ``upload_file_chunked`` (the API's largest).
PART_SIZE = 64 * 1024 * 1024


def _path(template: str, call: str, upload_id: str) -> str:
    return path_with(template, f"uploads.{call}", upload_id=upload_id)


class _Chunked:
    """What ``upload_file_chunked`` sends: the source opened, its size, name and parts."""

    def __init__(
        self, file: os.PathLike[str] | bytes, filename: str | None, size: int | None, part_size: int | None
    ) -> None:
        if part_size is not None and (type(part_size) is not int or part_size < 1):
            raise invalid(
                "uploads.upload_file_chunked", "part_size", f"must be a positive integer, not {part_size!r}"
            )
        if isinstance(file, (bytes, bytearray)):
            if filename is None:
                raise invalid("uploads.upload_file_chunked", "filename", "is required when file is bytes")
            self.source: IO[bytes] = io.BytesIO(bytes(file))
            self.size = len(file) if size is None else size
            self.filename = filename
        elif isinstance(file, os.PathLike):
            path = os.fspath(file)
            if not os.path.isfile(path):
                raise invalid("uploads.upload_file_chunked", "file", f"names no readable file: {path!r}")
            self.source = open(path, "rb")  # noqa: SIM115 - closed by close()
            self.size = os.path.getsize(path) if size is None else size
            self.filename = filename or os.path.basename(path)
        else:
            raise invalid("uploads.upload_file_chunked", "file", "must be a path (os.PathLike) or bytes")
        self.part_size = part_size or PART_SIZE

    def parts(self) -> Any:
        while True:
            data = self.source.read(self.part_size)
            if not data:
                return
            yield data

    def close(self) -> None:
        self.source.close()


class Parts(SyncResource):
    """The parts of uploads (``Client``)."""

    def create(self, upload_id: str, *, data: FileTypes, **options: Unpack[RequestOptions]) -> UploadPart:
        """Add ``data`` (bytes, a path or an open file; at most 64 MB) as the next part."""
        path = _path(PART.path, "parts.create", upload_id)
        parts = file_parts("uploads.parts.create", data=data)
        return cast(UploadPart, self._upload(PART, dict(options), parts, path=path))


class AsyncParts(AsyncResource):
    """The parts of uploads (``AsyncClient``): ``Parts``'s ``create``, awaited."""

    create: Final = twin(Parts.create)


class Uploads(SyncResource):
    """Uploads of a ``Client``."""

    parts: Final = Sub(Parts, AsyncParts)
    """The parts of an upload: ``client.uploads.parts.create(upload_id, data=...)``."""

    def create(
        self,
        *,
        bytes: int,
        filename: str,
        mime_type: str,
        purpose: str,
        expires_after: ExpiresAfter | None = None,
        **options: Unpack[RequestOptions],
    ) -> Upload:
        """Start an upload of a ``bytes``-long file; add its parts, then ``complete`` it."""
        params = {"bytes": bytes, "filename": filename, "mime_type": mime_type, "purpose": purpose,
                  "expires_after": expires_after}
        return cast(Upload, self._send(CREATE, body_params(params, options)))

    def complete(
        self,
        upload_id: str,
        *,
        part_ids: Sequence[str],
        md5: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Upload:
        """Join the parts, in ``part_ids`` order, into the file (``Upload.file``)."""
        path = _path(COMPLETE.path, "complete", upload_id)
        params = body_params({"part_ids": part_ids, "md5": md5}, options)
        return cast(Upload, self._send(COMPLETE, params, path))

    def cancel(self, upload_id: str, **options: Unpack[RequestOptions]) -> Upload:
        """Cancel an upload; no part may be added afterwards."""
        return cast(Upload, self._send(CANCEL, dict(options), _path(CANCEL.path, "cancel", upload_id)))

    def upload_file_chunked(
        self,
        *,
        file: os.PathLike[str] | bytes,
        mime_type: str,
        purpose: str,
        filename: str | None = None,
        bytes: int | None = None,
        part_size: int | None = None,
        md5: str | None = None,
    ) -> Upload:
        """Upload ``file`` (a path, or bytes with a ``filename``) in parts and complete it."""
        chunked = _Chunked(file, filename, bytes, part_size)
        return self._steps(_chunked(self, chunked, mime_type, purpose, md5))


class AsyncUploads(AsyncResource):
    """Uploads of an ``AsyncClient``: ``Uploads``'s methods, awaited."""

    parts: Final = Sub(Parts, AsyncParts)
    """The parts of an upload: ``await client.uploads.parts.create(upload_id, data=...)``."""

    create: Final = twin(Uploads.create)
    complete: Final = twin(Uploads.complete)
    cancel: Final = twin(Uploads.cancel)
    upload_file_chunked: Final = twin(Uploads.upload_file_chunked)


# The steps of ``upload_file_chunked`` (``resource`` may be the ``Async`` twin: its ``_steps``
# awaits each call yielded here).


def _chunked(
    resource: Uploads, chunked: _Chunked, mime_type: str, purpose: str, md5: str | None
) -> Steps[Upload]:
    try:
        upload = yield resource.create(
            bytes=chunked.size, filename=chunked.filename, mime_type=mime_type, purpose=purpose
        )
        ids = []
        for data in chunked.parts():
            part = yield resource.parts.create(upload.id, data=data)
            ids.append(part.id)
    finally:
        chunked.close()
    done = yield resource.complete(upload.id, part_ids=ids, md5=md5)
    return cast(Upload, done)
