"""Why a response failed (``response.error`` when ``status == "failed"``)."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ResponseError"]


class ResponseError(APIObject):
    """The error of a failed response: ``code`` (``server_error``, ``rate_limit_exceeded``,
    ``invalid_prompt``, ``invalid_image``, ...) and a human-readable ``message``."""

    code: str = ""
    message: str = ""
    param: str | None = None
    type: str | None = None

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" if self.code else self.message
