"""``ChatCompletion``: the answer to ``chat.completions.create`` (``POST /chat/completions``)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Discriminator, Tag

from gptkit.types._base import APIObject, BilledObject, type_tag
from gptkit.types._content_filter_mixins import ChoiceContentFilter, PromptContentFilter
from gptkit.types.chat.chat_completion_message import ChatCompletionMessage
from gptkit.types.chat.chat_completion_token_logprob import ChatCompletionTokenLogprob
from gptkit.types.completion_usage import CompletionUsage

__all__ = [
    "ChatCompletion",
    "Choice",
    "ChoiceLogprobs",
    "Moderation",
    "ModerationInput",
    "ModerationInputError",
    "ModerationInputModerationResults",
    "ModerationInputModerationResultsResult",
    "ModerationOutput",
    "ModerationOutputError",
    "ModerationOutputModerationResults",
    "ModerationOutputModerationResultsResult",
]


class ChoiceLogprobs(APIObject):
    """Log probabilities of a choice's content and refusal tokens."""

    content: list[ChatCompletionTokenLogprob] | None = None
    refusal: list[ChatCompletionTokenLogprob] | None = None


class Choice(ChoiceContentFilter, APIObject):
    """One of the ``n`` answers of a chat completion.

    On Azure OpenAI, ``content_filter_results`` holds the content filters' verdicts on it.
    """

    finish_reason: str | None = None
    index: int = 0
    logprobs: ChoiceLogprobs | None = None
    message: ChatCompletionMessage


# -- moderated completions: the moderation verdicts on the input and on the output ------------


class ModerationInputModerationResultsResult(APIObject):
    """One moderation model's verdict."""

    categories: dict[str, bool] = {}
    category_applied_input_types: dict[str, list[str]] = {}
    category_scores: dict[str, float] = {}
    flagged: bool = False
    model: str = ""
    type: str = "moderation_result"


class ModerationInputModerationResults(APIObject):
    """The verdicts on the input."""

    model: str = ""
    results: list[ModerationInputModerationResultsResult] = []
    type: str = "moderation_results"


class ModerationInputError(APIObject):
    """Moderating the input failed."""

    code: str = ""
    message: str = ""
    type: str = "error"


# The output's verdicts have the same shape as the input's, under their own names.
class ModerationOutputModerationResultsResult(ModerationInputModerationResultsResult):
    """One moderation model's verdict on the output."""


class ModerationOutputModerationResults(APIObject):
    """The verdicts on the output."""

    model: str = ""
    results: list[ModerationOutputModerationResultsResult] = []
    type: str = "moderation_results"


class ModerationOutputError(ModerationInputError):
    """Moderating the output failed."""


_MODERATION_KINDS = frozenset({"moderation_results", "error"})

ModerationInput = Annotated[
    Annotated[ModerationInputModerationResults, Tag("moderation_results")]
    | Annotated[ModerationInputError, Tag("error")],
    Discriminator(type_tag(_MODERATION_KINDS, "moderation_results")),
]
ModerationOutput = Annotated[
    Annotated[ModerationOutputModerationResults, Tag("moderation_results")]
    | Annotated[ModerationOutputError, Tag("error")],
    Discriminator(type_tag(_MODERATION_KINDS, "moderation_results")),
]


class Moderation(APIObject):
    """The moderation verdicts of a moderated completion, on its input and its output."""

    input: ModerationInput
    output: ModerationOutput


class ChatCompletion(PromptContentFilter, BilledObject):
    """A chat completion: the answer(s), the model that gave them, and the tokens used.

    gptkit adds ``cost`` and ``request_id`` (neither printed nor serialised); on Azure OpenAI,
    ``prompt_filter_results`` holds the content filters' verdicts on each prompt.
    """

    id: str = ""
    choices: list[Choice]
    created: int = 0
    model: str = ""
    object: str = "chat.completion"
    metadata: dict[str, str] | None = None
    moderation: Moderation | None = None
    service_tier: str | None = None
    system_fingerprint: str | None = None
    usage: CompletionUsage | None = None
