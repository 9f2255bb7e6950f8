"""Helpers for batch tests: write input files, read output files."""

from __future__ import annotations

import json
import pathlib
from collections import Counter
from typing import Any


def chat_line(custom_id: str, content: str, *, model: str = "gpt-4o-mini", **body: Any) -> dict[str, Any]:
    return {"custom_id": custom_id, "method": "POST", "url": "/v1/chat/completions",
            "body": {"model": model, "messages": [{"role": "user", "content": content}], **body}}


def write_lines(path: pathlib.Path, lines: list[Any]) -> pathlib.Path:
    with open(path, "w") as handle:
        for line in lines:
            handle.write((line if isinstance(line, str) else json.dumps(line)) + "\n")
    return path


def write_chat_input(path: pathlib.Path, n: int, fault: Any = None) -> pathlib.Path:
    """``n`` chat lines ``r0..r{n-1}``; ``fault(i)`` may return a directive to append."""
    lines = []
    for i in range(n):
        extra = fault(i) if fault is not None else None
        lines.append(chat_line(f"r{i}", f"prompt {i}" + (f" {extra}" if extra else "")))
    return write_lines(path, lines)


def read_records(path: pathlib.Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def read_settled_records(path: pathlib.Path) -> list[dict[str, Any]]:
    """The whole lines of a file a killed run left: a kill -9 can cut the last write mid-line (the
    runner cuts such a torn tail off on resume, and does not count it as done)."""
    if not path.exists():
        return []
    text = path.read_text()
    whole = text[: text.rfind("\n") + 1]
    return [json.loads(line) for line in whole.splitlines() if line.strip()]


def assert_exactly_once(n: int, *paths: pathlib.Path) -> None:
    ids = Counter(r["custom_id"] for p in paths for r in read_records(p))
    twice = [k for k, v in ids.items() if v > 1]
    assert not twice, f"recorded more than once: {twice[:10]}"
    missing = {f"r{i}" for i in range(n)} - set(ids)
    assert not missing, f"never recorded: {sorted(missing)[:10]}"
    assert set(ids) == {f"r{i}" for i in range(n)}
