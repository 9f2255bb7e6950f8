"""The parameters of ``batches.create``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["BatchCreateParams", "OutputExpiresAfter"]


@with_config(OPEN_PARAMS)
class OutputExpiresAfter(TypedDict, total=False):
    """Expire the output files ``seconds`` after their ``anchor`` (``created_at``)."""

    anchor: Required[Literal["created_at"]]
    seconds: Required[int]


class BatchCreateParams(TypedDict, total=False):
    """The input file, the endpoint its lines call, the completion window, metadata."""

    completion_window: Required[str]
    endpoint: Required[
        Literal[
            "/v1/responses", "/v1/chat/completions", "/v1/embeddings", "/v1/completions",
            "/v1/moderations", "/v1/images/generations", "/v1/images/edits", "/v1/videos",
        ]
    ]
    input_file_id: Required[str]
    metadata: Mapping[str, str] | None
    output_expires_after: OutputExpiresAfter
