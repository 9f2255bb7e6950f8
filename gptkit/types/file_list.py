"""gptkit's names of file results: ``FileList`` (``SyncCursorPage[FileObject]``, what
``files.list`` returns) and a downloaded file's bytes (``BinaryContent``)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

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

    def read(self) -> bytes:
        """The content (the official ``HttpxBinaryResponseContent.read()``)."""
        return self.content

    def json(self, **kwargs: Any) -> Any:
        """The content parsed as JSON (``kwargs`` go to ``json.loads``)."""
        return json.loads(self.content, **kwargs)

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The content in pieces of ``chunk_size`` bytes (None: in one piece)."""
        size = chunk_size or max(len(self.content), 1)
        for start in range(0, len(self.content), size):
            yield self.content[start:start + size]

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        """The content decoded as UTF-8, in pieces of about ``chunk_size`` bytes."""
        text = self.text
        size = chunk_size or max(len(text), 1)
        for start in range(0, len(text), size):
            yield text[start:start + size]

    def iter_lines(self) -> Iterator[str]:
        """The content's lines decoded as UTF-8, without their line endings, blank ones
        included (as the official package's ``iter_lines()``; skip them when reading JSONL)."""
        yield from self.text.splitlines()

    def write_to_file(self, path: str | os.PathLike[str]) -> None:
        """Write the content to ``path``."""
        with open(path, "wb") as handle:
            handle.write(self.content)

    def stream_to_file(self, path: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        """Write the content to ``path`` (the official name; the bytes are already here)."""
        self.write_to_file(path)

    def close(self) -> None:
        """Nothing to release: the content was read when the call returned."""

    def __len__(self) -> int:
        return len(self.content)

    def __repr__(self) -> str:
        return f"<BinaryContent {len(self.content)} bytes>"
