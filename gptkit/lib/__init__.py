"""``gptkit.lib``: the helper paths of the official package (``openai.lib``), for drop-in imports.

Programs import helpers from ``openai.lib...`` paths (``from openai.lib.streaming.chat import
ChatCompletionStreamState``); the same imports work from ``gptkit.lib...``.
"""

from __future__ import annotations

from gptkit._streams._chat_event_types import ResponseFormatT
from gptkit._structured._responses import pydantic_responses_function_tool
from gptkit._structured._tools import pydantic_function_tool

__all__ = ["ResponseFormatT", "pydantic_function_tool", "pydantic_responses_function_tool"]
