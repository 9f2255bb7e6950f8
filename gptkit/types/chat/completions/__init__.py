"""``openai.types.chat.completions``: the parameters of ``chat.completions.messages.list``."""

from __future__ import annotations

from gptkit.types.chat.completions.message_list_params import MessageListParams as MessageListParams

__all__ = ["MessageListParams"]
