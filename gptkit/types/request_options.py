"""Per-call options accepted by every ``create`` next to the API's own parameters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx
from typing_extensions import TypedDict

__all__ = ["RequestOptions"]


class RequestOptions(TypedDict, total=False):
    """Options of one call that are not sent as body parameters.

    ``extra_body`` fields are merged into the JSON body unvalidated (provider extensions);
    ``timeout`` overrides the client's for this call; ``tags`` label the call in the cost ledger.
    """

    extra_headers: Mapping[str, str] | None
    extra_query: Mapping[str, Any] | None
    extra_body: Mapping[str, Any] | None
    timeout: float | httpx.Timeout | None
    tags: Mapping[str, str] | None
