"""Every ```python block in README.md and docs/ runs as written, against the fake server.

Each block runs in a fresh interpreter, in an empty directory, with only ``OPENAI_BASE_URL``
(a ``FakeOpenAI`` served on 127.0.0.1) and ``OPENAI_API_KEY`` set: no names from other blocks,
no set-up the reader cannot see. A block whose first line is a ``# fragment: <why>`` comment is
not run (docs/index.md explains the marker); fragments are counted, and must stay the exception.
Blocks that use Redis use the one at 127.0.0.1:6379.

The counts are printed at the end of the run (``tests/conftest.py``: "docs examples: ...").
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FRAGMENT = re.compile(r"#\s*fragment:\s*\S")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>[^`\n]*)$")
#: Seconds one block may take (the slowest, a batch job on the fake, takes about two).
BLOCK_TIMEOUT = 60.0
#: The first test runs every selected block (a few at a time) in its fixture: on a busy 2-core
#: machine that takes a minute or two.
pytestmark = pytest.mark.timeout(600)
#: Warnings that show an example doing something wrong (a model without a price, a client or
#: stream left open, a coroutine never awaited). Python 3.10 installs genai-prices 0.1, whose
#: frozen data lacks some newer models (tts-1): a missing price there is the data's age, not the
#: example's fault.
_WARNINGS_THAT_MEAN_A_WRONG_EXAMPLE = (
    ("UnknownPriceWarning",) if sys.version_info >= (3, 11) else ()) + ("ResourceWarning", "was never awaited")
#: At most this share of the blocks may be fragments.
MAX_FRAGMENT_SHARE = 0.1


@dataclass(frozen=True)
class Block:
    """One fenced ```python block: where it is and its code, dedented."""

    path: str
    line: int
    code: str

    @property
    def id(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def fragment(self) -> bool:
        first = next((line for line in self.code.splitlines() if line.strip()), "")
        return bool(FRAGMENT.match(first.strip()))


def doc_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def python_blocks(path: Path) -> list[Block]:
    """The ```python blocks of one Markdown file (fences inside lists included)."""
    blocks: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        fence, indent = opening["fence"], opening["indent"]
        language = (opening["info"].strip().split() or [""])[0]
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not (lines[j].strip().startswith(fence) and lines[j].strip().strip("`") == ""):
            body.append(lines[j][len(indent):] if lines[j].startswith(indent) else lines[j])
            j += 1
        if language == "python":
            name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
            blocks.append(Block(name, i + 1, textwrap.dedent("\n".join(body)) + "\n"))
        i = j + 1
    return blocks


ALL_BLOCKS = [block for path in doc_files() for block in python_blocks(path)]
RUNNABLE = [block for block in ALL_BLOCKS if not block.fragment]
FRAGMENTS = [block for block in ALL_BLOCKS if block.fragment]
#: Read by tests/conftest.py for the end-of-run line.
SUMMARY = {"run": 0, "passed": 0, "fragments": len(FRAGMENTS)}


@dataclass(frozen=True)
class Outcome:
    returncode: int
    stdout: str
    stderr: str


def _environment(home: str, base_url: str) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "LANG": "C.UTF-8",
           "OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": "docs-test-key"}
    if "SYSTEMROOT" in os.environ:  # Windows needs it to start Python at all
        env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    return env


def run_block(block: Block, base_url: str) -> Outcome:
    """Run one block as a script in a fresh directory; its exit status and output."""
    with tempfile.TemporaryDirectory(prefix="gptkit-docs-") as where:
        script = Path(where, "example.py")
        script.write_text(block.code, encoding="utf-8")
        try:
            done = subprocess.run([sys.executable, script.name], cwd=where, env=_environment(where, base_url),
                                  capture_output=True, text=True, timeout=BLOCK_TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            return Outcome(-1, str(exc.stdout or ""), f"timed out after {BLOCK_TIMEOUT:g} s\n{exc.stderr or ''}")
        return Outcome(done.returncode, done.stdout, done.stderr)


def _uses_redis(block: Block) -> bool:
    return "redis://" in block.code


@pytest.fixture(scope="module")
def outcomes(request: pytest.FixtureRequest) -> dict[str, Outcome]:
    """Run every selected block, a few at a time, against one fake server."""
    from gptkit.testing import FakeOpenAI

    selected = {item.callspec.params["block"].id for item in request.session.items
                if item.module is request.module and hasattr(item, "callspec") and "block" in item.callspec.params}
    blocks = [block for block in RUNNABLE if block.id in selected]
    if any(_uses_redis(block) for block in blocks):
        request.getfixturevalue("redis_url")  # skips (or fails in CI) when Redis does not answer
    with FakeOpenAI().serve() as server, ThreadPoolExecutor(max_workers=3) as pool:
        done = pool.map(lambda b: run_block(b, server.base_url), blocks)
        results = dict(zip([b.id for b in blocks], done, strict=True))
    SUMMARY["run"] = len(results)
    return results


@pytest.mark.parametrize("block", RUNNABLE, ids=[block.id for block in RUNNABLE])
def test_block_runs_as_written(block: Block, outcomes: dict[str, Outcome]) -> None:
    outcome = outcomes[block.id]
    assert outcome.returncode == 0, (
        f"{block.id}: the example failed (exit {outcome.returncode})\n"
        f"--- code\n{block.code}--- stderr\n{outcome.stderr[-4000:]}"
    )
    warned = [name for name in _WARNINGS_THAT_MEAN_A_WRONG_EXAMPLE if name in outcome.stderr]
    assert not warned, f"{block.id}: the example warns\n{outcome.stderr[-4000:]}"
    SUMMARY["passed"] += 1


def test_fragments_are_the_exception_and_say_why() -> None:
    assert len(ALL_BLOCKS) > 40  # the collector found the docs' examples
    assert len(FRAGMENTS) <= MAX_FRAGMENT_SHARE * len(ALL_BLOCKS), [b.id for b in FRAGMENTS]
    for block in FRAGMENTS:
        reason = block.code.strip().splitlines()[0].split(":", 1)[1].strip()
        assert len(reason) > 10, f"{block.id}: say why the block cannot run on its own"


def test_collector_sees_blocks_in_lists_and_the_fragment_marker(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "text\n\n```python\nprint(1)\n```\n\n- item\n\n  ```python\n  print(2)\n  ```\n\n"
        "```bash\necho no\n```\n\n```python\n# fragment: needs a name from above\nprint(x)\n```\n",
        encoding="utf-8",
    )
    blocks = python_blocks(page)
    assert [b.code for b in blocks] == ["print(1)\n", "print(2)\n", "# fragment: needs a name from above\nprint(x)\n"]
    assert [b.fragment for b in blocks] == [False, False, True]


def test_a_failing_block_is_reported(tmp_path: Path) -> None:
    broken = Block("docs/nowhere.md", 1, "import gptkit\nclient = gptkit.Client()\nprint(undefined_name)\n")
    outcome = run_block(broken, "http://127.0.0.1:9/v1")
    assert outcome.returncode != 0
    assert "NameError" in outcome.stderr
