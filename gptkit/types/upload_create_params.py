"""The parameters of ``uploads.create``."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = ["ExpiresAfter", "UploadCreateParams"]


class ExpiresAfter(TypedDict, total=False):
    """Expire the file ``seconds`` (one hour to 30 days) after it was created."""

    anchor: Required[Literal["created_at"]]
    seconds: Required[Annotated[int, Field(ge=3600, le=2_592_000)]]


@with_config(ConfigDict(extra="forbid"))
class UploadCreateParams(TypedDict, total=False):
    """The file to come: its size (at most 8 GB), name, MIME type and purpose."""

    bytes: Required[Annotated[int, Field(ge=1, le=8 * 1024**3)]]
    filename: Required[Annotated[str, Field(min_length=1)]]
    mime_type: Required[Annotated[str, Field(min_length=1)]]
    purpose: Required[Annotated[str, Field(min_length=1)]]
    expires_after: ExpiresAfter
