"""``Completion``: a legacy text completion (``POST /completions``), and each of its stream chunks.

``CompletionChoice`` and ``CompletionLogprobs`` (the official ``completion_choice.Logprobs``) are
importable from here too, where gptkit kept them before.
"""

from __future__ import annotations

from gptkit.types._base import BilledObject
from gptkit.types._content_filter_mixins import PromptContentFilter
from gptkit.types.completion_choice import CompletionChoice
from gptkit.types.completion_choice import Logprobs as CompletionLogprobs
from gptkit.types.completion_usage import CompletionUsage

__all__ = ["Completion", "CompletionChoice", "CompletionLogprobs"]


class Completion(PromptContentFilter, BilledObject):
    """A text completion; also the type of each chunk of a streamed one."""

    id: str = ""
    choices: list[CompletionChoice] = []
    created: int = 0
    model: str = ""
    object: str = "text_completion"
    system_fingerprint: str | None = None
    usage: CompletionUsage | None = None
