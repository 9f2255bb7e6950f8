"""What applying a patch did (``apply_patch_call_output`` item)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_function_tool_call import Caller, CallerDirect, CallerProgram

__all__ = ["CallerDirect", "CallerProgram", "ResponseApplyPatchToolCallOutput"]


class ResponseApplyPatchToolCallOutput(APIObject):
    """The outcome (``status`` ``completed`` or ``failed``, with ``output``) of ``call_id``."""

    id: str = ""
    call_id: str = ""
    status: str | None = None
    type: Literal["apply_patch_call_output"] = "apply_patch_call_output"
    caller: Caller | None = None
    created_by: str | None = None
    output: str | None = None
