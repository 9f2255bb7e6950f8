"""gptkit's names of file results: ``FileList`` (``SyncCursorPage[FileObject]``, what
``files.list`` returns) and a downloaded file's bytes (``BinaryContent``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

from gptkit.pagination import SyncCursorPage
from gptkit.types.file_object import FileObject

__all__ = ["BinaryContent", "FileList"]


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
