"""The money a call cost, in exact decimal US dollars."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

__all__ = ["Cost"]

_ZERO = Decimal(0)


class Cost(BaseModel):
    """What one call cost, split the way providers bill it.

    ``output`` includes reasoning tokens when the provider bills them as output (OpenAI does).
    ``estimated`` is True when the token counts were estimated because the server sent no usage.
    ``price_source`` names the price entry used (e.g. ``genai-prices:openai/gpt-4o`` or
    ``override:my-model``).
    """

    model_config: ClassVar[ConfigDict] = ConfigDict(frozen=True, defer_build=True)

    input: Decimal = _ZERO
    cached_input: Decimal = _ZERO
    output: Decimal = _ZERO
    total: Decimal = _ZERO
    currency: str = "USD"
    model: str | None = None
    price_source: str | None = None
    estimated: bool = False

    def __add__(self, other: Cost) -> Cost:
        return Cost(
            input=self.input + other.input,
            cached_input=self.cached_input + other.cached_input,
            output=self.output + other.output,
            total=self.total + other.total,
            currency=self.currency,
            model=self.model if self.model == other.model else None,
            price_source=self.price_source if self.price_source == other.price_source else None,
            estimated=self.estimated or other.estimated,
        )
