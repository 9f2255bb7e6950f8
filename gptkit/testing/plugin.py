"""The pytest plugin (entry point ``gptkit``): cassette fixtures and the ``gptkit_cassette`` marker.

```python
@pytest.mark.gptkit_cassette(ignore=["user"])
def test_answer(gptkit_client):
    reply = gptkit_client.chat.completions.create(model="gpt-4o", messages=[...])
```
binds the test to ``<test dir>/cassettes/<module>/<test name>.json``. Marker keywords: ``name``
(the file's stem), ``mode``, ``ignore``, ``pacing``, ``seed``, ``secrets``, ``strict``,
``client_options`` (passed to the client). ``--gptkit-record-mode`` sets the mode for the run
(``GPTKIT_RECORD_MODE`` beats it; ``CI`` forces ``none``). Imports only pytest until a fixture
is used.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import gptkit
    from gptkit.testing._cassette import Cassette

__all__ = ["cassette_path", "gptkit_async_client", "gptkit_cassette", "gptkit_client"]

_UNSAFE = re.compile(r"[^\w.\-\[\]=,+]")
_MODES = ("none", "once", "new_episodes", "all")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("gptkit")
    group.addoption("--gptkit-record-mode", choices=_MODES, default=None,
                    help="gptkit cassette record mode for this run (GPTKIT_RECORD_MODE wins; CI forces none)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "gptkit_cassette(name=None, *, mode=None, ignore=(), pacing=None, seed=0, secrets=(), strict=False, "
        "client_options=None): bind the test to cassettes/<module>/<name>.json next to it",
    )


def cassette_path(node: pytest.Item, name: str | None = None) -> Path:
    """Where a test's cassette lives: ``<test dir>/cassettes/<module>/<test name>.json``."""
    test_file = Path(str(node.path))
    stem = _UNSAFE.sub("_", name or node.name)
    return test_file.parent / "cassettes" / test_file.stem / f"{stem}.json"


def _settings(request: pytest.FixtureRequest) -> dict[str, Any]:
    marker = request.node.get_closest_marker("gptkit_cassette")
    settings: dict[str, Any] = dict(marker.kwargs) if marker is not None else {}
    if marker is not None and marker.args:
        settings.setdefault("name", marker.args[0])
    return settings


@pytest.fixture
def gptkit_cassette(request: pytest.FixtureRequest) -> Iterator[Cassette]:
    """The test's ``Cassette`` (closed after the test: saved, unplayed interactions reported)."""
    from gptkit.testing._cassette import Cassette

    settings = _settings(request)
    settings.pop("client_options", None)
    path = cassette_path(request.node, settings.pop("name", None))
    mode = request.config.getoption("--gptkit-record-mode", default=None) or settings.pop("mode", None)
    settings.pop("mode", None)
    cassette = Cassette(path, mode=mode, **settings)
    yield cassette
    cassette.close()


def _client_options(request: pytest.FixtureRequest, cassette: Cassette) -> dict[str, Any]:
    from gptkit import RetryPolicy

    options = dict(_settings(request).get("client_options") or {})
    options.setdefault("api_key", os.environ.get("OPENAI_API_KEY") or "replay-placeholder-not-a-key")
    if not cassette.recording and cassette.pacing != "realtime" and "retry" not in options:
        # Replaying a 429-then-200 needs no real wait: same decisions, zero sleeps.
        attempts = int(options.pop("max_retries", 2)) + 1
        options["retry"] = RetryPolicy(max_attempts=attempts, zero_waits=True)
    return options


@pytest.fixture
def gptkit_client(request: pytest.FixtureRequest, gptkit_cassette: Cassette) -> Iterator[gptkit.Client]:
    """A ``gptkit.Client`` whose transport is the test's cassette."""
    import gptkit

    client = gptkit.Client(transport=gptkit_cassette.transport(), **_client_options(request, gptkit_cassette))
    with client:
        yield client


@pytest.fixture
def gptkit_async_client(request: pytest.FixtureRequest, gptkit_cassette: Cassette
                        ) -> Iterator[gptkit.AsyncClient]:
    """A ``gptkit.AsyncClient`` whose transport is the test's cassette (close it with
    ``async with`` in the test for a clean shutdown of recording connections)."""
    import gptkit

    client = gptkit.AsyncClient(transport=gptkit_cassette.async_transport(),
                                **_client_options(request, gptkit_cassette))
    yield client
    if client.is_closed:
        return
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # no loop running here: close on a fresh one
        with contextlib.suppress(Exception):
            asyncio.run(client.aclose())
