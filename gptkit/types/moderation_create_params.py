"""The parameters of ``moderations.create``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, TypeAlias

from pydantic import ConfigDict, with_config
from typing_extensions import Required, TypedDict

__all__ = [
    "ImageURL",
    "ModerationCreateParams",
    "ModerationImageURLInputParam",
    "ModerationModel",
    "ModerationMultiModalInputParam",
    "ModerationTextInputParam",
]

#: Moderation models the API names (any other string is sent as given).
ModerationModel: TypeAlias = Literal[
    "omni-moderation-latest", "omni-moderation-2024-09-26", "text-moderation-latest", "text-moderation-stable"
]


class ImageURL(TypedDict, total=False):
    """An image's URL, or a ``data:`` URL of its base64 bytes."""

    url: Required[str]


class ModerationImageURLInputParam(TypedDict, total=False):
    """An image to classify."""

    image_url: Required[ImageURL]
    type: Required[Literal["image_url"]]


class ModerationTextInputParam(TypedDict, total=False):
    """A text to classify."""

    text: Required[str]
    type: Required[Literal["text"]]


ModerationMultiModalInputParam: TypeAlias = ModerationImageURLInputParam | ModerationTextInputParam


@with_config(ConfigDict(extra="forbid"))
class ModerationCreateParams(TypedDict, total=False):
    """The parameters of ``moderations.create``."""

    input: Required[str | Sequence[str] | Sequence[ModerationMultiModalInputParam]]
    model: str | ModerationModel
