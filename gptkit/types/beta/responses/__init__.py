"""Wire types of ``client.beta.responses``' sub-resources, mirroring ``openai.types.beta.responses``."""

from __future__ import annotations

from .beta_response_item_list import BetaResponseItemList as BetaResponseItemList
from .input_token_count_response import InputTokenCountResponse as InputTokenCountResponse

__all__ = ["BetaResponseItemList", "InputTokenCountResponse"]
