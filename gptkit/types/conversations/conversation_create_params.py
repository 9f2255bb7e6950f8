"""The parameters of ``conversations.create`` and ``conversations.update``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = ["ConversationCreateParams", "ConversationUpdateParams"]

#: Up to 16 string pairs (keys up to 64 characters, values up to 512).
Metadata = Annotated[Mapping[Annotated[str, Field(max_length=64)], Annotated[str, Field(max_length=512)]],
                     Field(max_length=16)]


@with_config(ConfigDict(extra="forbid"))
class ConversationCreateParams(TypedDict, total=False):
    """The first items (up to 20, as ``responses.create`` takes input items) and metadata."""

    items: Annotated[Sequence[Mapping[str, Any]], Field(max_length=20)] | None
    metadata: Metadata | None


@with_config(ConfigDict(extra="forbid"))
class ConversationUpdateParams(TypedDict, total=False):
    """The conversation's new metadata."""

    metadata: Required[Metadata | None]
