"""gptkit's file results that the official package spells differently: a page of ``files.list``
(``FileList``) and a downloaded file's bytes (``BinaryContent``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

from gptkit.types._base import ResponseObject
from gptkit.types.file_object import FileObject

__all__ = ["BinaryContent", "FileList"]


class FileList(ResponseObject):
    """One page of ``files.list``; iterate over it to get each ``FileObject``."""

    data: list[FileObject] = []
    has_more: bool = False
    first_id: str | None = None
    last_id: str | None = None
    object: str = "list"

    def __iter__(self) -> Iterator[FileObject]:  # type: ignore[override]
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


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
