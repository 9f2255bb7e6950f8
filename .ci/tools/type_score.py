"""pyright's type completeness of gptkit's public interface, held to a floor that only goes up.

    python .ci/tools/type_score.py --python VENV/bin/python   # CI: the score of the gptkit installed there
                                                         # from a wheel; fails below the floor
    python .ci/tools/type_score.py                           # the same, of the source tree (the test suite)
    python .ci/tools/type_score.py --raise-floor             # after raising the score: the new floor
    python .ci/tools/type_score.py --show 40                 # the first 40 problems, by symbol

The score is ``pyright --verifytypes gptkit --ignoreexternal`` run against an installed wheel (what
users' type checkers see), as the share of exported symbols whose type is fully known. The floor
lives in ``.ci/tools/type_score_floor.txt``; when a change raises the score, raise the floor in the
same commit, so that later code cannot lower it again unnoticed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["main", "score"]

ROOT = Path(__file__).resolve().parents[2]
FLOOR = ROOT / ".ci" / "tools" / "type_score_floor.txt"


def score(python: str | None = None) -> dict[str, Any]:
    """pyright's ``typeCompleteness`` report for the gptkit installed for ``python`` (a wheel: an
    editable install is invisible to pyright), or, without ``python``, for the source tree."""
    command = [sys.executable, "-m", "pyright", "--verifytypes", "gptkit", "--ignoreexternal", "--outputjson"]
    # The source tree: this interpreter first on PATH (the one pyright asks for its search paths;
    # --pythonpath with a venv's symlinked python loses the venv's editable install).
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    env = {**os.environ, "PATH": path}
    with tempfile.TemporaryDirectory() as elsewhere:
        # Outside the source tree pyright reads the installed package; inside it, ./gptkit.
        done = subprocess.run(
            command if python is None else [*command, "--pythonpath", python],
            capture_output=True, text=True, cwd=ROOT if python is None else elsewhere, check=False,
            env=env if python is None else None,
        )
    try:
        report: dict[str, Any] = json.loads(done.stdout)["typeCompleteness"]
    except (ValueError, KeyError):
        raise SystemExit(f"pyright gave no report:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}") from None
    if not sum(report["exportedSymbolCounts"].values()):
        raise SystemExit("pyright found no gptkit symbols: is gptkit installed from a wheel for --python?")
    return report


def _problems(report: dict[str, Any]) -> list[str]:
    lines = []
    for symbol in report["symbols"]:
        for diagnostic in symbol.get("diagnostics", []):
            if diagnostic["severity"] == "error":
                lines.append(f"{symbol['name']}: {diagnostic['message'].splitlines()[0]}")  # noqa: PERF401
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", help="an interpreter with gptkit installed from a wheel (default: the "
                        "source tree)")
    parser.add_argument("--raise-floor", action="store_true", help="write the score as the new floor")
    parser.add_argument("--show", type=int, default=10, metavar="N", help="problems to list (default 10)")
    args = parser.parse_args(argv)
    report = score(args.python)
    value = round(100 * float(report["completenessScore"]), 1)
    counts = report["exportedSymbolCounts"]
    floor = float(FLOOR.read_text().strip())
    problems = _problems(report)
    print(f"pyright type completeness: {value}% ({counts['withKnownType']} known, "
          f"{counts['withAmbiguousType']} ambiguous, {counts['withUnknownType']} unknown); floor {floor}%")
    for line in problems[: args.show]:
        print("  " + line)
    if len(problems) > args.show:
        print(f"  ... {len(problems) - args.show} more (--show N)")
    if args.raise_floor:
        if value < floor:
            print(f"the score {value}% is below the floor {floor}%: the floor only goes up")
            return 1
        FLOOR.write_text(f"{value}\n")
        print(f"floor raised to {value}%")
        return 0
    if counts["withAmbiguousType"]:
        # An ambiguous symbol is one users' checkers may infer differently (e.g. a module-level
        # ``__getattr__`` assigned from a tuple): annotate it; the score alone does not count these.
        print("FAILED: ambiguous public symbols (listed above): annotate them")
        return 1
    if value < floor:
        print(f"FAILED: the score fell below the floor ({value}% < {floor}%): give the new public names "
              "full annotations (the problems above), or see .ci/tools/type_score.py")
        return 1
    if value > floor:
        print(f"the score is above the floor: raise it in this commit (python .ci/tools/type_score.py "
              f"--python {args.python} --raise-floor)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
