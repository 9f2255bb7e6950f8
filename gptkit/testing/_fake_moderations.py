"""The fake's ``/moderations``: a deterministic verdict from a few trigger words per category."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from gptkit.testing._fake_forms import bad_request, json_object, missing

if TYPE_CHECKING:
    from gptkit.testing._fake_files import Handler
    from gptkit.testing._faults import FakeRequest

__all__ = ["CATEGORIES", "FakeModerations"]

#: Category -> words that flag an input for it (a word anywhere in the text, case-insensitive).
CATEGORIES: dict[str, tuple[str, ...]] = {
    "harassment": ("idiot", "loser"),
    "harassment/threatening": ("i will find you",),
    "hate": ("hate",),
    "hate/threatening": ("exterminate",),
    "illicit": ("shoplift",),
    "illicit/violent": ("build a bomb",),
    "self-harm": ("self-harm",),
    "self-harm/intent": ("i want to hurt myself",),
    "self-harm/instructions": ("how to hurt myself",),
    "sexual": ("explicit",),
    "sexual/minors": ("minors",),
    "violence": ("kill", "attack"),
    "violence/graphic": ("gore",),
}
_IMAGE_CATEGORIES = {"self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "violence",
                     "violence/graphic"}


def _texts(value: Any) -> list[tuple[str, bool]] | None:
    """(text, is_image) per input, or None when ``input`` is malformed."""
    if isinstance(value, str):
        return [(value, False)]
    if not isinstance(value, list) or not value:
        return None
    found: list[tuple[str, bool]] = []
    for item in value:
        if isinstance(item, str):
            found.append((item, False))
        elif isinstance(item, dict) and item.get("type") == "text" and isinstance(item.get("text"), str):
            found.append((item["text"], False))
        elif isinstance(item, dict) and item.get("type") == "image_url":
            found.append((str((item.get("image_url") or {}).get("url", "")), True))
        else:
            return None
    return found


def _result(text: str, image: bool) -> dict[str, Any]:
    lowered = text.lower()
    categories, scores, applied = {}, {}, {}
    for name, words in CATEGORIES.items():
        hit = not image and any(word in lowered for word in words)
        digest = hashlib.sha1(f"{name}\n{text}".encode()).digest()
        scores[name] = 0.97 if hit else round(digest[0] / 255 * 0.001, 6)
        categories[name] = hit
        applied[name] = ["image"] if image and name in _IMAGE_CATEGORIES else ([] if image else ["text"])
    return {"flagged": any(categories.values()), "categories": categories, "category_scores": scores,
            "category_applied_input_types": applied}


class FakeModerations:
    """``POST /moderations``."""

    def __init__(self) -> None:
        self.count: int = 0

    def routes(self) -> list[tuple[str, str, Handler]]:
        return [("POST", "/moderations", self._create)]

    def _create(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        body = json_object(request)
        if body is None:
            return bad_request("The request body must be a JSON object.")
        if "input" not in body:
            return missing("input")
        inputs = _texts(body["input"])
        if inputs is None:
            return bad_request("'input' must be a string, strings, or text and image_url parts.", "input")
        self.count += 1
        model = body.get("model") or "omni-moderation-latest"
        return 200, {"id": f"modr-fake{self.count:012d}", "model": model,
                     "results": [_result(text, image) for text, image in inputs]}
