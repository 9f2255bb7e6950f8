"""gptkit's earlier module of file types, kept so that imports written against it still work.

The types live at the official paths now: ``file_object``, ``file_deleted``,
``file_create_params``; ``FileList`` and ``BinaryContent`` in ``file_list``.
"""

from __future__ import annotations

from gptkit.types.file_create_params import FileCreateFormParams as FileCreateParams
from gptkit.types.file_deleted import FileDeleted
from gptkit.types.file_list import BinaryContent, FileList
from gptkit.types.file_object import FileObject

__all__ = ["BinaryContent", "FileCreateParams", "FileDeleted", "FileList", "FileObject"]
