"""``client.beta.responses``' calls, described before any I/O: the GA Responses endpoints at the
beta path (``/responses?beta=true``) with the beta types, and the ``OpenAI-Beta`` header that
``betas=[...]`` asks for.

``gptkit/resources/beta_responses.py`` declares the methods of both clients over these.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from gptkit._core._base import Endpoint
from gptkit._responses._validate import ResponsesParamValidator
from gptkit.resources import _responses_plan as _ga
from gptkit.resources._common import invalid, with_query
from gptkit.resources._quick import QUICK_RESPONSES
from gptkit.resources._responses_plan import COUNT_TOKENS, DELETE, ITEMS_PATH
from gptkit.types.beta.beta_response import BetaResponse
from gptkit.types.beta.response_create_params import ResponseCreateParams

__all__ = ["CANCEL", "COUNT_TOKENS", "CREATE", "DELETE", "RETRIEVE", "beta_options", "list_items"]

_STREAM = "gptkit._streams._responses_protocol:BETA_RESPONSES_STREAM"
# The GA endpoints, answering with the beta types (and the beta events, when streamed).
CREATE = replace(
    _ga.CREATE, response=BetaResponse, stream_protocol=_STREAM,
    validator=ResponsesParamValidator(ResponseCreateParams, "beta.responses.create", quick=QUICK_RESPONSES),
)
RETRIEVE = replace(_ga.RETRIEVE, response=BetaResponse, stream_protocol=_STREAM)
CANCEL = replace(_ga.CANCEL, response=BetaResponse)


@functools.cache
def list_items() -> tuple[Endpoint, Endpoint]:
    """``input_items.list``'s (sync, async) endpoints, built on first use (see ``_responses_plan``)."""
    from gptkit.pagination import AsyncCursorPage, SyncCursorPage
    from gptkit.types.beta.beta_response_item import BetaResponseItem

    return (Endpoint(method="GET", path=ITEMS_PATH, response=SyncCursorPage[BetaResponseItem]),
            Endpoint(method="GET", path=ITEMS_PATH, response=AsyncCursorPage[BetaResponseItem]))


def beta_options(call: str, betas: Sequence[str] | None, params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` (a call's parameters and request options) sent to the beta path, with the
    ``OpenAI-Beta`` header naming ``betas`` (the caller's own ``extra_headers`` win, as in the
    official client). A bad ``betas`` is refused before anything is sent."""
    if betas is not None and (isinstance(betas, str) or not isinstance(betas, Sequence)
                              or not all(isinstance(beta, str) and beta for beta in betas)):
        raise invalid(call, "betas", f"must be a list of beta names (strings), not {betas!r}")
    merged = with_query(params, {"beta": "true"})
    if betas:
        merged["extra_headers"] = {"openai-beta": ",".join(betas), **(params.get("extra_headers") or {})}
    return merged
