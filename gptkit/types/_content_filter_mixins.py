"""The mixins that give responses Azure's content-filter results, typed, on first read.

Apart from ``gptkit.types.content_filter`` (which re-exports them) so that a chat completion
creates none of the filter models until something reads ``content_filter_results``: other
providers never send them, and each model class costs import time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gptkit.types.content_filter import ContentFilterResults, PromptFilterResult

__all__ = ["ChoiceContentFilter", "PromptContentFilter"]


# -- the typed view of the fields on responses ---------------------------------------------------
#
# The fields arrive as extra (undeclared) fields, as they do in the official package: printed,
# dumped and compared exactly as the server sent them. These mixins read them as typed objects.


def _extra(obj: object) -> dict[str, Any]:
    extra = getattr(obj, "__pydantic_extra__", None)
    return extra if isinstance(extra, dict) else {}


class ChoiceContentFilter:
    """Azure's ``content_filter_results`` on a choice (or a stream chunk's choice), typed."""

    __slots__ = ()

    @property
    def content_filter_results(self) -> ContentFilterResults | None:
        """The content filters' verdicts on this choice; None from other providers."""
        raw = _extra(self).get("content_filter_results")
        if not isinstance(raw, dict):
            return None
        from gptkit.types.content_filter import ContentFilterResults

        try:
            return ContentFilterResults.model_validate(raw)
        except ValueError:  # a malformed verdict is still in to_dict(); it does not break reads
            return None


class PromptContentFilter:
    """Azure's ``prompt_filter_results`` (older API versions: ``prompt_annotations``), typed."""

    __slots__ = ()

    @property
    def prompt_filter_results(self) -> list[PromptFilterResult] | None:
        """The content filters' verdicts on each prompt; None from other providers."""
        extra = _extra(self)
        raw = extra.get("prompt_filter_results", extra.get("prompt_annotations"))
        if not isinstance(raw, list):
            return None
        from gptkit.types.content_filter import PromptFilterResult

        try:
            return [PromptFilterResult.model_validate(item) for item in raw]
        except ValueError:
            return None
