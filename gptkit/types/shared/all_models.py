"""``AllModels``: every model name the API documents, or any string."""

from __future__ import annotations

from typing import TypeAlias

from gptkit.types.shared.chat_model import ChatModel
from gptkit.types.shared.responses_model import ResponsesModel

__all__ = ["AllModels"]

AllModels: TypeAlias = str | ChatModel | ResponsesModel
