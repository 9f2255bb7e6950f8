"""What a transcription or translation returns for each ``response_format``."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import httpx

from gptkit._core._base import Endpoint
from gptkit.resources._common import body_params, invalid
from gptkit.types._base import APIObject

__all__ = ["TEXT_FORMATS", "endpoint_for", "plan"]

#: Formats answered as plain text (returned as ``str``, as the official package returns them).
TEXT_FORMATS = frozenset({"text", "srt", "vtt"})


def _text(response: httpx.Response) -> str:
    return response.text


def endpoint_for(
    base: Endpoint, call: str, response_format: object, models: dict[str, type[APIObject]]
) -> Endpoint:
    """``base`` answering with the type ``response_format`` names (text formats as ``str``)."""
    if response_format is None:
        return base
    if not isinstance(response_format, str):
        raise invalid(call, "response_format", f"must be a string, not {response_format!r}")
    if response_format in TEXT_FORMATS:
        return dataclasses.replace(base, parse=_text)
    model = models.get(response_format)
    return base if model is None else dataclasses.replace(base, response=model)


def plan(
    base: Endpoint, call: str, response_format: str | None, models: dict[str, type[APIObject]],
    params: Mapping[str, Any],
) -> tuple[Endpoint, dict[str, Any]]:
    """The endpoint for ``response_format`` and the call's parameters (the format among them)."""
    endpoint = endpoint_for(base, call, response_format, models)
    return endpoint, body_params({**params, "response_format": response_format}, {})
