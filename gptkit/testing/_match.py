"""Matching a live request to a recorded one, and explaining a miss with a readable diff."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from gptkit.testing._cassette_format import RecordedRequest

__all__ = ["canonical_body", "describe_miss", "match_key"]

#: Where a body carries strict JSON schemas (response_format, Responses text.format, tools).
_SCHEMA_PATHS = ("response_format.json_schema.schema", "text.format.schema", "tools.*.function.parameters",
                 "tools.*.parameters")
_SCHEMA_HINT = ("  Only the strict JSON schemas differ: gptkit now sends the official package's schema form "
                "(pydantic's titles, defaults and descriptions kept, $defs first). A cassette recorded "
                "before that needs recording again (GPTKIT_RECORD_MODE=all), or "
                "ignore=[\"response_format.json_schema.schema\", ...] to match without the schemas.")


def _drop(value: Any, path: Sequence[str]) -> Any:
    if not path:
        return value
    if isinstance(value, dict):
        head, rest = path[0], path[1:]
        if not rest:
            return {k: v for k, v in value.items() if k != head}
        return {k: (_drop(v, rest) if k == head else v) for k, v in value.items()}
    if isinstance(value, list) and path[0] == "*":
        return [_drop(v, path[1:]) for v in value]
    return value


def _without(body: Any, ignored: Iterable[str]) -> Any:
    for field in ignored:
        body = _drop(body, field.split("."))
    return body


def canonical_body(body: Any, ignored: Iterable[str] = (), *, indent: int | None = None) -> str:
    """The body as canonical JSON: keys sorted, ignored fields (dotted paths, ``*`` for every
    list item) removed."""
    return json.dumps(_without(body, ignored), sort_keys=True, indent=indent, ensure_ascii=False,
                      separators=None if indent else (",", ":"))


def match_key(request: RecordedRequest, ignored: Iterable[str]) -> tuple[str, str, str]:
    """What two requests must share to match: method, path and canonical body."""
    body = request.body if request.text is None else request.text
    return request.method, request.path, canonical_body(body, ignored)


def describe_miss(sent: RecordedRequest, recorded: Sequence[RecordedRequest], ignored: Iterable[str],
                  already_played: int) -> str:
    """Why ``sent`` has no match: the diff against the nearest recorded request."""
    ignored = list(ignored)
    head = f"no recorded interaction matches {sent.method} {sent.path}"
    if already_played:
        return (f"{head} any more: all {already_played} recorded response(s) to this very request "
                "have been played already")
    if not recorded:
        return f"{head}: the cassette has no interactions"
    sent_text = canonical_body(sent.body if sent.text is None else sent.text, ignored, indent=2)

    def score(item: tuple[int, RecordedRequest]) -> tuple[int, float]:
        other = item[1]
        same_route = (other.method, other.path) == (sent.method, sent.path)
        text = canonical_body(other.body if other.text is None else other.text, ignored, indent=2)
        return int(same_route), difflib.SequenceMatcher(None, text, sent_text).ratio()

    index, nearest = max(enumerate(recorded), key=score)
    lines = [f"{head}.", f"Nearest recorded request: #{index} {nearest.method} {nearest.path}"]
    if (nearest.method, nearest.path) != (sent.method, sent.path):
        lines.append(f"  route differs: recorded {nearest.method} {nearest.path}, "
                     f"sent {sent.method} {sent.path}")
    recorded_text = canonical_body(nearest.body if nearest.text is None else nearest.text, ignored, indent=2)
    diff = list(difflib.unified_diff(recorded_text.splitlines(), sent_text.splitlines(),
                                     "recorded", "sent", lineterm="", n=2))
    if diff and (nearest.method, nearest.path) == (sent.method, sent.path) and _only_schemas_differ(
            nearest, sent, ignored):
        lines.append(_SCHEMA_HINT)
    if diff:
        lines.append("Body differences (- recorded, + sent):")
        lines.extend("  " + line for line in diff[:80])
        if len(diff) > 80:
            lines.append(f"  ... {len(diff) - 80} more lines")
    return "\n".join(lines)


def _only_schemas_differ(recorded: RecordedRequest, sent: RecordedRequest, ignored: list[str]) -> bool:
    if recorded.text is not None or sent.text is not None:
        return False
    without = [*ignored, *_SCHEMA_PATHS]
    return canonical_body(recorded.body, without) == canonical_body(sent.body, without)
