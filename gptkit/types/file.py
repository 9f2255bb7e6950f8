"""Files: uploaded documents such as Batch API inputs and outputs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Annotated

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

from gptkit.pagination import SyncCursorPage
from gptkit.types._base import ResponseObject

__all__ = ["BinaryContent", "FileCreateParams", "FileDeleted", "FileList", "FileObject"]


@with_config(ConfigDict(extra="forbid"))
class FileCreateParams(TypedDict, total=False):
    """The form fields of ``files.create`` (the file itself is passed as ``file=``)."""

    purpose: Required[Annotated[str, Field(min_length=1)]]


class FileObject(ResponseObject):
    """A file uploaded to the provider (``purpose="batch"`` for Batch API inputs)."""

    id: str
    object: str = "file"
    bytes: int | None = None
    created_at: int | None = None
    expires_at: int | None = None
    filename: str | None = None
    purpose: str | None = None
    status: str | None = None
    status_details: str | None = None


class FileDeleted(ResponseObject):
    """The answer to ``files.delete``."""

    id: str
    object: str = "file"
    deleted: bool = False


#: What ``files.list()`` returns (the older name of ``SyncCursorPage[FileObject]``).
FileList = SyncCursorPage[FileObject]


class BinaryContent:
    """The bytes of a downloaded file (``files.content``), with text and line helpers."""

    def __init__(self, content: bytes, *, request_id: str | None = None) -> None:
        self.content = content
        self.request_id = request_id

    @property
    def text(self) -> str:
        """The content decoded as UTF-8."""
        return self.content.decode("utf-8")

    def iter_lines(self) -> Iterator[bytes]:
        """The content's non-empty lines, without their line endings (JSONL files)."""
        for line in self.content.splitlines():
            if line.strip():
                yield line

    def write_to_file(self, path: str | os.PathLike[str]) -> None:
        """Write the content to ``path``."""
        with open(path, "wb") as handle:
            handle.write(self.content)

    def __len__(self) -> int:
        return len(self.content)

    def __repr__(self) -> str:
        return f"<BinaryContent {len(self.content)} bytes>"
