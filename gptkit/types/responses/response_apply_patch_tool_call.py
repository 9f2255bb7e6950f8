"""A file edit the model asks the apply-patch tool to make (``apply_patch_call`` item)."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Discriminator, Field, Tag

from gptkit.types._base import APIObject, type_tag
from gptkit.types.responses.response_function_tool_call import Caller, CallerDirect, CallerProgram

__all__ = [
    "CallerDirect",
    "CallerProgram",
    "Operation",
    "OperationCreateFile",
    "OperationDeleteFile",
    "OperationUpdateFile",
    "ResponseApplyPatchToolCall",
]


class OperationCreateFile(APIObject):
    """Create the file ``path`` from ``diff``."""

    diff: str = ""
    path: str = ""
    type: Literal["create_file"] = "create_file"


class OperationDeleteFile(APIObject):
    """Delete the file ``path``."""

    path: str = ""
    type: Literal["delete_file"] = "delete_file"


class OperationUpdateFile(APIObject):
    """Change the file ``path`` by ``diff`` (also any operation ``type`` gptkit does not know)."""

    diff: str = ""
    path: str = ""
    type: str = "update_file"


#: The edit, by ``type``.
Operation: TypeAlias = Annotated[
    Annotated[OperationCreateFile, Tag("create_file")]
    | Annotated[OperationDeleteFile, Tag("delete_file")]
    | Annotated[OperationUpdateFile, Tag("update_file")],
    Discriminator(type_tag(frozenset({"create_file", "delete_file", "update_file"}), "update_file")),
]


class ResponseApplyPatchToolCall(APIObject):
    """The model asks for ``operation``; answer with an ``apply_patch_call_output`` item."""

    id: str = ""
    call_id: str = ""
    operation: Operation = Field(default_factory=OperationUpdateFile)
    status: str | None = None
    type: Literal["apply_patch_call"] = "apply_patch_call"
    caller: Caller | None = None
    created_by: str | None = None
