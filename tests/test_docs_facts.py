"""Numbers the docs state that the code defines: a change to one must change the other."""

from __future__ import annotations

import re
from pathlib import Path

from gptkit._cost._limits import MODEL_MAX_OUTPUT_TOKENS
from gptkit._retry import RETRYABLE_STATUSES
from gptkit._tokens import DEFAULT_MAX_OUTPUT_TOKENS
from gptkit.testing._fake_limits import GENEROUS_RPM, GENEROUS_TPM

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_the_output_ceilings_a_budget_assumes() -> None:
    text = (DOCS / "costs.md").read_text(encoding="utf-8")
    table: dict[str, int] = {}
    for names, tokens in re.findall(r"^  \| ([a-z0-9., -]+?) \| ([\d,]+) \|$", text, flags=re.M):
        for name in names.split(", "):
            table[name] = int(tokens.replace(",", ""))
    assert table == dict(MODEL_MAX_OUTPUT_TOKENS)
    assert f"any other model | {DEFAULT_MAX_OUTPUT_TOKENS:,} " in text


def test_the_statuses_that_are_retried() -> None:
    text = (DOCS / "retries.md").read_text(encoding="utf-8")
    row = re.search(r"^\| ([\d, ]+) \| yes \|$", text, flags=re.M)
    assert row is not None
    documented = {int(n) for n in row[1].split(", ")} | {429}  # 429 has its own rows
    assert documented == set(RETRYABLE_STATUSES)


def test_the_fakes_generous_limits() -> None:
    text = " ".join((DOCS / "testing.md").read_text(encoding="utf-8").split())
    assert f"({GENEROUS_RPM:,} requests and {GENEROUS_TPM:,} tokens a minute" in text
