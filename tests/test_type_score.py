"""pyright sees every public name's type (.ci/tools/type_score.py): the score never drops below the
floor in .ci/tools/type_score_floor.txt (CI also scores the installed wheel)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_pyright_type_completeness_is_at_least_the_floor() -> None:
    spec = importlib.util.spec_from_file_location("type_score", ROOT / ".ci" / "tools" / "type_score.py")
    assert spec is not None and spec.loader is not None
    type_score = importlib.util.module_from_spec(spec)
    sys.modules["type_score"] = type_score
    spec.loader.exec_module(type_score)
    report = type_score.score()
    value = round(100 * float(report["completenessScore"]), 1)
    floor = float((ROOT / ".ci" / "tools" / "type_score_floor.txt").read_text())
    problems = type_score._problems(report)[:20]
    assert value >= floor, f"pyright type completeness {value}% < floor {floor}%:\n" + "\n".join(problems)
    assert report["exportedSymbolCounts"]["withKnownType"] > 1000
