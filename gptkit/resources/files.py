"""``client.files``: upload, inspect, download and delete files (Batch API inputs and outputs)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any, Final, TypeAlias, Union, cast
from urllib.parse import quote

from typing_extensions import Unpack, deprecated

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit._exceptions import InvalidParameterError
from gptkit.pagination import AsyncCursorPage, SyncCursorPage
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources._twin import twin, twin_list
from gptkit.types.file import BinaryContent, FileCreateParams, FileDeleted, FileObject
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncFiles", "FileInput", "Files"]

#: What ``files.create(file=...)`` accepts: bytes, a path (``pathlib.Path``), an open binary
#: file, or a ``(filename, content)`` / ``(filename, content, content_type)`` tuple of those.
FileInput: TypeAlias = Union[
    bytes, "os.PathLike[str]", IO[bytes], tuple[str, Any], tuple[str, Any, str]
]

CREATE_FILE = Endpoint(
    method="POST", path="/files", response=FileObject,
    validator=ParamValidator(FileCreateParams, "files.create"),
)
LIST_FILES = Endpoint(method="GET", path="/files", response=SyncCursorPage[FileObject])
ALIST_FILES = Endpoint(method="GET", path="/files", response=AsyncCursorPage[FileObject])
RETRIEVE_FILE = Endpoint(method="GET", path="/files/{file_id}", response=FileObject)
DELETE_FILE = Endpoint(method="DELETE", path="/files/{file_id}", response=FileDeleted)
FILE_CONTENT = Endpoint(method="GET", path="/files/{file_id}/content", response=FileObject, binary=True)
#: The deprecated ``retrieve_content``: the same bytes, decoded as text.
FILE_TEXT = Endpoint(method="GET", path="/files/{file_id}/content", response=FileObject, binary=True,
                     parse=lambda response: response.text)


def _invalid(call: str, param: str, problem: str) -> InvalidParameterError:
    return InvalidParameterError(
        f"Invalid parameter for {call}: '{param}' {problem}", param=param, errors=[(param, problem)]
    )


def id_path(template: str, call: str, param: str, value: object) -> str:
    """``template`` with ``{param}`` filled by a checked, URL-quoted id."""
    if not isinstance(value, str) or not value:
        raise _invalid(call, param, f"must be a non-empty string, not {value!r}")
    return template.replace("{" + param + "}", quote(value, safe=""))


@contextmanager
def _file_form(file: object) -> Iterator[dict[str, tuple[str, Any, str]]]:
    """The multipart ``{"file": (filename, content, content type)}`` of ``file``; opens (and
    closes) paths."""
    name: str | None = None
    content_type = "application/octet-stream"
    if isinstance(file, tuple):
        if len(file) not in (2, 3) or not isinstance(file[0], str):
            raise _invalid("files.create", "file", "must be (filename, content[, content_type])")
        if len(file) == 3:
            content_type = str(file[2])
        name, file = file[0], file[1]
    if isinstance(file, str):
        raise _invalid("files.create", "file", "is a str; pass bytes, an open file or a pathlib.Path")
    if isinstance(file, os.PathLike):
        path = os.fspath(file)
        if not os.path.isfile(path):
            raise _invalid("files.create", "file", f"names no readable file: {path!r}")
        with open(path, "rb") as handle:
            yield {"file": (name or os.path.basename(path), handle, content_type)}
        return
    if isinstance(file, (bytes, bytearray)):
        yield {"file": (name or "upload", bytes(file), content_type)}
        return
    if hasattr(file, "read"):
        default = os.path.basename(str(getattr(file, "name", "upload")))
        yield {"file": (name or default, file, content_type)}
        return
    kind = type(file).__name__
    raise _invalid("files.create", "file", f"must be bytes, a path or a binary file, not {kind}")


def _list_query(
    purpose: str | None, limit: int | None, order: str | None, after: str | None
) -> dict[str, Any]:
    if limit is not None and (not isinstance(limit, int) or limit < 1):
        raise _invalid("files.list", "limit", f"must be a positive integer, not {limit!r}")
    if order is not None and order not in ("asc", "desc"):
        raise _invalid("files.list", "order", f"must be 'asc' or 'desc', not {order!r}")
    query = {"purpose": purpose, "limit": limit, "order": order, "after": after}
    return {k: v for k, v in query.items() if v is not None}



class Files(SyncResource):
    """Files of a ``Client``."""

    def create(self, *, file: FileInput, purpose: str, **options: Unpack[RequestOptions]) -> FileObject:
        """Upload ``file`` (``purpose="batch"`` for a Batch API input) as multipart form data."""
        return cast(FileObject, self._upload(CREATE_FILE, {"purpose": purpose, **options}, _file_form(file)))

    def retrieve(self, file_id: str, **options: Unpack[RequestOptions]) -> FileObject:
        """One file's metadata."""
        path = id_path(RETRIEVE_FILE.path, "files.retrieve", "file_id", file_id)
        return cast(FileObject, self._send(RETRIEVE_FILE, dict(options), path))

    def content(self, file_id: str, **options: Unpack[RequestOptions]) -> BinaryContent:
        """A file's bytes (a batch's output or error file, for example)."""
        path = id_path(FILE_CONTENT.path, "files.content", "file_id", file_id)
        return cast(BinaryContent, self._send(FILE_CONTENT, dict(options), path))

    @deprecated("The `.content()` method should be used instead")
    def retrieve_content(self, file_id: str, **options: Unpack[RequestOptions]) -> str:
        """A file's contents as text (deprecated, as in the official package: use ``content``)."""
        path = id_path(FILE_TEXT.path, "files.retrieve_content", "file_id", file_id)
        return cast(str, self._send(FILE_TEXT, dict(options), path))

    def delete(self, file_id: str, **options: Unpack[RequestOptions]) -> FileDeleted:
        """Delete a file."""
        path = id_path(DELETE_FILE.path, "files.delete", "file_id", file_id)
        return cast(FileDeleted, self._send(DELETE_FILE, dict(options), path))

    def list(
        self, *, purpose: str | None = None, limit: int | None = None, order: str | None = None,
        after: str | None = None, **options: Unpack[RequestOptions],
    ) -> SyncCursorPage[FileObject]:
        """Files, optionally only those with ``purpose``: iterating goes through every page."""
        query = _list_query(purpose, limit, order, after)
        return cast("SyncCursorPage[FileObject]", self._list((LIST_FILES, ALIST_FILES), query, options))


class AsyncFiles(AsyncResource):
    """Files of an ``AsyncClient``."""

    create: Final = twin(Files.create)
    retrieve: Final = twin(Files.retrieve)
    content: Final = twin(Files.content)
    delete: Final = twin(Files.delete)
    list: Final = twin_list(Files.list)

    @deprecated("The `.content()` method should be used instead")
    async def retrieve_content(self, file_id: str, **options: Unpack[RequestOptions]) -> str:
        """A file's contents as text (deprecated, as in the official package: use ``content``)."""
        path = id_path(FILE_TEXT.path, "files.retrieve_content", "file_id", file_id)
        return cast(str, await self._send(FILE_TEXT, dict(options), path))
