"""The parameters of ``files.create``.

``FileCreateParams`` is the official shape (``file`` included); gptkit validates the form fields
(``FileCreateFormParams``) and reads the file itself separately.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import CLOSED_PARAMS, OPEN_PARAMS

__all__ = ["ExpiresAfter", "FileCreateFormParams", "FileCreateParams"]


@with_config(OPEN_PARAMS)
class ExpiresAfter(TypedDict, total=False):
    """Expire the file ``seconds`` after its ``anchor`` (``created_at``)."""

    anchor: Required[Literal["created_at"]]
    seconds: Required[int]


class FileCreateParams(TypedDict, total=False):
    """``files.create``'s arguments: the ``file`` (bytes, a path, an open file...) and its ``purpose``."""

    file: Required[Any]
    purpose: Required[str]
    expires_after: ExpiresAfter


@with_config(CLOSED_PARAMS)
class FileCreateFormParams(TypedDict, total=False):
    """The form fields of ``files.create`` (the file itself is passed as ``file=``)."""

    purpose: Required[Annotated[str, Field(min_length=1)]]
