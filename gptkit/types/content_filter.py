"""Azure OpenAI content-filter results, on successful responses, stream chunks and errors.

Azure runs every prompt and completion through its content filters and reports what they found:
``prompt_filter_results`` on a completion (one entry per prompt), ``content_filter_results`` on
each choice (and each stream chunk's choice), and ``innererror.content_filter_result`` on a
rejected request (see ``gptkit.ContentFilterError``). Other providers send none of these, so
every field is optional. Unknown categories are kept as extra fields.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AliasChoices, BeforeValidator, Field

from gptkit.types._base import APIObject
from gptkit.types._content_filter_mixins import ChoiceContentFilter, PromptContentFilter

__all__ = [
    "ChoiceContentFilter",
    "ContentFilterBlocklistIdResult",
    "ContentFilterBlocklistResult",
    "ContentFilterCitation",
    "ContentFilterCodeResult",
    "ContentFilterDetectedResult",
    "ContentFilterErrorDetail",
    "ContentFilterResults",
    "ContentFilterSeverityResult",
    "PromptContentFilter",
    "PromptFilterResult",
]


class ContentFilterSeverityResult(APIObject):
    """A graded category (hate, self-harm, sexual, violence).

    ``severity`` is ``"safe"``, ``"low"``, ``"medium"`` or ``"high"``.
    """

    filtered: bool = False
    severity: str | None = None


class ContentFilterDetectedResult(APIObject):
    """A detected-or-not category (jailbreak, indirect attack, profanity, protected text)."""

    filtered: bool = False
    detected: bool = False


class ContentFilterCitation(APIObject):
    """Where protected code was found: a source URL and its license."""

    url: str | None = Field(default=None, validation_alias=AliasChoices("URL", "url"))
    license: str | None = None


class ContentFilterCodeResult(ContentFilterDetectedResult):
    """Protected material in code, with the citation of the matching source when known."""

    citation: ContentFilterCitation | None = None


class ContentFilterBlocklistIdResult(APIObject):
    """One custom blocklist and whether it matched."""

    id: str = ""
    filtered: bool = False


def _blocklists(value: Any) -> Any:
    # Older API versions send a bare list of blocklists; newer ones wrap it in an object.
    if isinstance(value, list):
        filtered = any(isinstance(item, dict) and item.get("filtered") for item in value)
        return {"filtered": filtered, "details": value}
    return value


class ContentFilterBlocklistResult(APIObject):
    """Custom blocklists: whether any matched, and each one's verdict."""

    filtered: bool = False
    details: list[ContentFilterBlocklistIdResult] | None = None


class ContentFilterErrorDetail(APIObject):
    """The content filter itself failed on this content (it was not checked)."""

    code: str | None = None
    message: str | None = None


_SEVERITY_CATEGORIES = ("hate", "self_harm", "sexual", "violence")
_DETECTED_CATEGORIES = (
    "jailbreak", "indirect_attack", "profanity", "protected_material_text", "protected_material_code",
)


class ContentFilterResults(APIObject):
    """The content filters' verdicts on one prompt or one choice."""

    hate: ContentFilterSeverityResult | None = None
    self_harm: ContentFilterSeverityResult | None = None
    sexual: ContentFilterSeverityResult | None = None
    violence: ContentFilterSeverityResult | None = None
    jailbreak: ContentFilterDetectedResult | None = None
    indirect_attack: ContentFilterDetectedResult | None = None
    profanity: ContentFilterDetectedResult | None = None
    protected_material_text: ContentFilterDetectedResult | None = None
    protected_material_code: ContentFilterCodeResult | None = None
    custom_blocklists: Annotated[ContentFilterBlocklistResult | None, BeforeValidator(_blocklists)] = None
    error: ContentFilterErrorDetail | None = None

    @property
    def filtered_categories(self) -> list[str]:
        """The names of the categories that caused filtering, in a fixed order."""
        names: list[str] = []
        for name in (*_SEVERITY_CATEGORIES, *_DETECTED_CATEGORIES, "custom_blocklists"):
            result = getattr(self, name)
            if result is not None and result.filtered:
                names.append(name)
        return names

    @property
    def filtered(self) -> bool:
        """Whether any category caused filtering."""
        return bool(self.filtered_categories)


class PromptFilterResult(APIObject):
    """The content filters' verdicts on one prompt of a request."""

    prompt_index: int = 0
    content_filter_results: ContentFilterResults | None = None
