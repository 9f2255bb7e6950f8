"""Usage of a Responses API response a server did not report, estimated (sans-IO).

As for chat completions (``gptkit._core._usage``), an OpenAI-compatible server that sends no
``usage`` gets one estimated from the request and the output, flagged ``estimated=True``. A
response still running (``queued``, or ``in_progress`` in the background) has no usage yet on
purpose: it is left alone, as is a ``failed`` one (what it was billed is unknown).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from gptkit._tokens import RESPONSES_PATH, estimate_prompt_tokens, estimate_text_tokens
from gptkit.types.responses.response import Response
from gptkit.types.responses.response_usage import ResponseUsage

__all__ = ["ensure_response_usage", "estimate_output_tokens"]

#: Fields of output items whose text the model wrote.
_WRITTEN = ("arguments", "input", "code", "name")


def _texts(item: Mapping[str, Any]) -> Iterator[str]:
    for key in _WRITTEN:
        value = item.get(key)
        if isinstance(value, str):
            yield value
    for group in ("content", "summary"):
        for part in item.get(group) or ():
            if isinstance(part, Mapping):
                for key in ("text", "refusal"):
                    value = part.get(key)
                    if isinstance(value, str):
                        yield value


def estimate_output_tokens(response: Response) -> int:
    """A central estimate of the tokens the model wrote: text, refusals, reasoning summaries,
    tool call names and arguments."""
    return sum(
        estimate_text_tokens(text)
        for item in response.output
        for text in _texts(item.model_dump(include={*_WRITTEN, "content", "summary"}))
    )


def ensure_response_usage(body: Mapping[str, Any] | None, response: Response) -> None:
    """Fill ``response.usage`` with an estimate when the server sent none and it is due."""
    if response.usage is not None or response.status == "failed" or response.status == "queued":
        return
    if response.status == "in_progress" and response.background:
        return  # still running on the server: billed when it finishes
    prompt = estimate_prompt_tokens(body, RESPONSES_PATH) if body is not None else 0
    output = estimate_output_tokens(response)
    response.usage = ResponseUsage(
        input_tokens=prompt, output_tokens=output, total_tokens=prompt + output, estimated=True
    )
