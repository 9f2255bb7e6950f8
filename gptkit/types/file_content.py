"""``FileContent``: a file's content as text (the official alias).

``files.content()`` returns ``BinaryContent`` (``gptkit.types.file_list``), with ``.text``,
``.content`` and ``write_to_file``.
"""

from __future__ import annotations

from typing import TypeAlias

__all__ = ["FileContent"]

FileContent: TypeAlias = str
