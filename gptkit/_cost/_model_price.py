"""A model's price as users give it (``ModelPrice``), what a price lookup found (``PriceInfo``),
and the warning for a model with no known price."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gptkit._cost._money import to_decimal

__all__ = ["ModelPrice", "PriceInfo", "UnknownPriceWarning"]

_MTOK = Decimal(1_000_000)


class UnknownPriceWarning(UserWarning):
    """A call used a model with no known price: its cost is None (add one with ``prices=``)."""


@dataclass(frozen=True, init=False)
class ModelPrice:
    """Your own price for a model, in US dollars per million tokens.

    ``cached_input_per_mtok`` defaults to the input rate (no cache discount). Reasoning tokens
    are part of the completion tokens and billed at ``output_per_mtok``, as OpenAI bills them.
    Amounts may be ``Decimal``, ``str``, ``int`` or ``float`` (read as written: ``2.5`` is 2.5).
    Models billed in other units take their rate by keyword: ``input_per_mchars`` (speech, per
    million input characters) and ``audio_per_hour`` (transcriptions, per hour of audio).

    >>> ModelPrice(input_per_mtok="0.30", cached_input_per_mtok="0.15", output_per_mtok="1.20")
    >>> ModelPrice(0, input_per_mchars=15)  # tts-1
    """

    input_per_mtok: Decimal
    output_per_mtok: Decimal
    cached_input_per_mtok: Decimal
    input_per_mchars: Decimal | None
    audio_per_hour: Decimal | None

    def __init__(
        self,
        input_per_mtok: Decimal | str | float,
        output_per_mtok: Decimal | str | float = 0,
        cached_input_per_mtok: Decimal | str | float | None = None,
        *,
        input_per_mchars: Decimal | str | float | None = None,
        audio_per_hour: Decimal | str | float | None = None,
    ) -> None:
        object.__setattr__(self, "input_per_mchars", None if input_per_mchars is None
                           else to_decimal(input_per_mchars, "input_per_mchars"))
        object.__setattr__(self, "audio_per_hour", None if audio_per_hour is None
                           else to_decimal(audio_per_hour, "audio_per_hour"))
        rate_in = to_decimal(input_per_mtok, "input_per_mtok")
        object.__setattr__(self, "input_per_mtok", rate_in)
        object.__setattr__(self, "output_per_mtok", to_decimal(output_per_mtok, "output_per_mtok"))
        cached = rate_in if cached_input_per_mtok is None else to_decimal(
            cached_input_per_mtok, "cached_input_per_mtok"
        )
        object.__setattr__(self, "cached_input_per_mtok", cached)

    @classmethod
    def free(cls) -> ModelPrice:
        """A zero price, for self-hosted models."""
        return cls(0, 0, 0)

    def cost(self, prompt: int, cached: int, completion: int) -> tuple[Decimal, Decimal, Decimal]:
        """(uncached input, cached input, output) dollars for these token counts."""
        return (
            (prompt - cached) * self.input_per_mtok / _MTOK,
            cached * self.cached_input_per_mtok / _MTOK,
            completion * self.output_per_mtok / _MTOK,
        )


@dataclass(frozen=True)
class PriceInfo:
    """The price a table would use for a model, and where it comes from (``gptkit.price_of``).

    Rates are US dollars per million tokens. ``source`` names the entry, as in
    ``Cost.price_source``: ``genai-prices:openai/gpt-4o``, ``override:my-model`` or ``default``.
    ``tiered`` is True when the database prices long prompts differently: the rates shown are
    then the base tier's. A rate the database leaves out is None.
    """

    model: str
    input_per_mtok: Decimal | None
    cached_input_per_mtok: Decimal | None
    output_per_mtok: Decimal | None
    source: str
    tiered: bool = False

    @classmethod
    def _of(cls, model: str, price: ModelPrice, source: str) -> PriceInfo:
        return cls(model, price.input_per_mtok, price.cached_input_per_mtok, price.output_per_mtok, source)
