"""Metered endpoints: calls billed per image, per character, per second of audio, or not at all.

Chat-style calls are priced from their ``usage`` tokens (``CostState.price``). Images, audio and
moderations are billed in other units; their endpoint declares a ``Meter`` that reads what the
server measured as genai-prices usage keys, and optionally the most a call can use before it is
sent (for budgets). Sans-IO: plain functions of the request body and the parsed result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

__all__ = ["METER_KEYS", "Meter", "Units", "token_counts"]

#: Billed amounts by genai-prices usage key (``input_tokens``, ``input_characters``,
#: ``audio_seconds``...). Seconds may be fractional.
Units = Mapping[str, "int | Decimal"]

#: The usage keys a meter may report, each with the genai-prices price key that prices it and the
#: key of the broader unit whose price applies when the model has no specific one.
METER_KEYS: Mapping[str, tuple[str, str | None]] = {
    "input_tokens": ("input_mtok", None),
    "output_tokens": ("output_mtok", None),
    "cache_read_tokens": ("cache_read_mtok", "input_tokens"),
    "input_text_tokens": ("input_text_mtok", "input_tokens"),
    "input_audio_tokens": ("input_audio_mtok", "input_tokens"),
    "input_image_tokens": ("input_image_mtok", "input_tokens"),
    "output_text_tokens": ("output_text_mtok", "output_tokens"),
    "output_audio_tokens": ("output_audio_mtok", "output_tokens"),
    "output_image_tokens": ("output_image_mtok", "output_tokens"),
    "input_characters": ("input_mchars", None),
    "audio_seconds": ("audio_hours", None),
}


@dataclass(frozen=True)
class Meter:
    """How one endpoint's calls are billed when not by chat-style token usage.

    ``usage(body, result)``: what a finished call used, as genai-prices usage keys (see
    ``METER_KEYS``), or None when the server reported nothing to bill by (a transcript asked
    for as plain text, for example): the call's cost is then None. ``worst_case(body)``: the
    most a call can use, before it is sent, or None when that cannot be known (the length of an
    uploaded recording): a budget then treats the call as unpriced. ``free``: the provider does
    not charge for these calls (moderations): cost 0, nothing reserved.
    """

    usage: Callable[[Mapping[str, Any], Any], Units | None] | None = None
    worst_case: Callable[[Mapping[str, Any]], Units | None] | None = None
    free: bool = False

    def used(self, body: Mapping[str, Any] | None, result: Any) -> Units | None:
        """The finished call's units (None: nothing to bill by)."""
        if self.usage is None:
            return None
        units = self.usage(body or {}, result)
        if units is None:
            return None
        unknown = set(units) - set(METER_KEYS)
        if unknown:  # a declaration bug: say so rather than price part of the call
            raise ValueError(f"unknown meter units: {', '.join(sorted(unknown))}")
        return units

    def bound(self, body: Mapping[str, Any] | None) -> Units | None:
        """The most the call can use (None: unbounded)."""
        if self.worst_case is None:
            return None
        return self.worst_case(body or {})


def token_counts(units: Units | None) -> tuple[int, int]:
    """(input tokens, output tokens) of a metered call, for the ledger."""
    if not units:
        return 0, 0
    return int(units.get("input_tokens", 0)), int(units.get("output_tokens", 0))
