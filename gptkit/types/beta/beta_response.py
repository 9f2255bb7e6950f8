"""``BetaResponse``: a response of the beta Responses API (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta.beta_response_output_item import BetaResponseOutputItem
from gptkit.types.beta.beta_response_text_config import BetaResponseTextConfig
from gptkit.types.beta.beta_response_usage import BetaResponseUsage
from gptkit.types.responses.response import Response

__all__ = ["BetaResponse"]


class BetaResponse(Response):
    """A ``Response`` whose output items may belong to the agents of a multi-agent response
    (each item's ``agent``), and may be the multi-agent kinds (``agent_message``,
    ``multi_agent_call``, ``multi_agent_call_output``). ``output_text``, ``usage`` and ``cost`` are
    the GA response's."""

    output: list[BetaResponseOutputItem] = []  # type: ignore[assignment]  # the beta kinds of item
    text: BetaResponseTextConfig | None = None
    usage: BetaResponseUsage | None = None
