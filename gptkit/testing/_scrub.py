"""What a cassette may keep: header allow-lists, secret scrubbing, and the final scan for keys."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from gptkit.testing._cassette_format import CassetteError

__all__ = [
    "REQUEST_HEADERS",
    "RESPONSE_HEADERS",
    "SCRUBBED",
    "SECRET_HEADERS",
    "CassetteSecretError",
    "keep_headers",
    "scan_for_secrets",
    "scrub_chunks",
    "scrub_json",
    "scrub_text",
    "secrets_in_headers",
]

SCRUBBED = "<scrubbed>"
#: Request headers a cassette keeps (besides those a user adds).
REQUEST_HEADERS = frozenset({"content-type", "accept", "openai-beta"})
#: Response headers a cassette keeps; any ``x-ratelimit-*`` and ``retry-after*`` too.
RESPONSE_HEADERS = frozenset({"content-type", "content-encoding", "x-request-id", "openai-model",
                              "openai-processing-ms", "openai-version", "x-should-retry"})
_RESPONSE_PREFIXES = ("x-ratelimit-", "retry-after")
#: Never written, whatever the allow-list says.
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "api-key", "x-api-key", "cookie",
                            "set-cookie", "openai-organization", "openai-project"})
# Key-shaped strings: OpenAI keys (sk-, sk-proj-, sk-svcacct-...), session keys, org and project
# ids, and bearer tokens anywhere in a body.
_KEY_SHAPES = re.compile(
    r"(?:\b(?:sk|rk|sess)-[A-Za-z0-9_\-]{16,}|\borg-[A-Za-z0-9]{16,}|\bproj_[A-Za-z0-9]{16,}"
    r"|(?<=Bearer )[A-Za-z0-9._~+/\-]{16,}=*)"
)
_MIN_SECRET = 8


class CassetteSecretError(CassetteError):
    """The cassette about to be written still holds a secret; nothing was written."""


def keep_headers(headers: Iterable[tuple[str, str]], *, response: bool, extra: Iterable[str] = (),
                 secrets: Iterable[str] = ()) -> dict[str, str]:
    """The allow-listed headers, lower-cased, with secret values scrubbed."""
    allowed = set(RESPONSE_HEADERS if response else REQUEST_HEADERS) | {h.lower() for h in extra}
    kept: dict[str, str] = {}
    for name, value in headers:
        name = name.lower()
        if name in SECRET_HEADERS:
            if name in allowed:
                kept[name] = SCRUBBED
            continue
        if name in allowed or (response and name.startswith(_RESPONSE_PREFIXES)):
            kept[name] = scrub_text(value, secrets)
    return kept


def secrets_in_headers(headers: Mapping[str, str]) -> set[str]:
    """The literal secrets a request carries (its key, organisation, project, cookies)."""
    found = set()
    for name, value in headers.items():
        name = name.lower()
        if name not in SECRET_HEADERS or not value:
            continue
        if name in ("authorization", "proxy-authorization"):
            value = value.split(" ", 1)[-1]
        if len(value) >= _MIN_SECRET:
            found.add(value)
    return found


def _secret_spans(text: str, secrets: Iterable[str]) -> list[tuple[int, int]]:
    spans = [m.span() for m in _KEY_SHAPES.finditer(text)]
    for secret in secrets:
        if len(secret) >= _MIN_SECRET:
            start = text.find(secret)
            while start != -1:
                spans.append((start, start + len(secret)))
                start = text.find(secret, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def scrub_chunks(texts: Sequence[str], secrets: Iterable[str]) -> list[str]:
    """Scrub stream chunks as one text, so a key split across two chunks is caught too.

    Each chunk keeps its place: a secret is replaced in the chunk where it starts, and its
    tail is removed from the chunks it spills into.
    """
    joined = "".join(texts)
    spans = _secret_spans(joined, secrets)
    if not spans:
        return list(texts)
    result, offset = [], 0
    for text in texts:
        low, high = offset, offset + len(text)
        parts, cursor = [], low
        for start, end in spans:
            if end <= low or start >= high:
                continue
            if start > cursor:
                parts.append(joined[cursor:start])
            if start >= low:
                parts.append(SCRUBBED)
            cursor = max(cursor, min(end, high))
        parts.append(joined[cursor:high])
        result.append("".join(parts))
        offset = high
    return result


def scrub_text(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every known secret and every key-shaped string replaced."""
    return scrub_chunks([text], secrets)[0]


def scrub_json(value: Any, secrets: Iterable[str]) -> Any:
    """A copy of a JSON value with every string scrubbed."""
    secrets = list(secrets)
    if isinstance(value, str):
        return scrub_text(value, secrets)
    if isinstance(value, list):
        return [scrub_json(v, secrets) for v in value]
    if isinstance(value, dict):
        return {k: scrub_json(v, secrets) for k, v in value.items()}
    return value


def scan_for_secrets(path: Path, secrets: Iterable[str]) -> None:
    """Raise ``CassetteSecretError`` if the file at ``path`` contains any of ``secrets``."""
    text = path.read_text(encoding="utf-8")
    for secret in secrets:
        if len(secret) >= _MIN_SECRET and secret in text:
            raise CassetteSecretError(
                f"refusing to write the cassette for {path.name.lstrip('.')}: it would contain a "
                f"secret in use ({secret[:3]}...{len(secret)} characters). Nothing was written."
            )
