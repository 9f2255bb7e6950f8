from __future__ import annotations

import logging
import os
import signal
import uuid
from collections.abc import Iterator

import pytest

for _var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"):
    os.environ.pop(_var, None)

# A suite started in the background by a script (`pytest ... &`) inherits SIGINT ignored, and so
# would every gptkit process a test starts: the tests that type ^C at the command line would see
# it ignored. A user's terminal never ignores it; neither does the suite.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    """Runs a test once with ``Client`` and once with ``AsyncClient``."""
    return str(request.param)


@pytest.fixture(autouse=True)
def _gptkit_debug_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="gptkit")


REDIS_URL = os.environ.get("GPTKIT_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The test Redis; skips when none answers, unless GPTKIT_REQUIRE_REDIS=1 (CI): then it fails."""
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as exc:
        if os.environ.get("GPTKIT_REQUIRE_REDIS") == "1":
            pytest.fail(f"GPTKIT_REQUIRE_REDIS=1 but no Redis answers at {REDIS_URL}: {exc}")
        pytest.skip(f"no Redis answers at {REDIS_URL} ({exc}); set GPTKIT_TEST_REDIS_URL or start Redis")
    return REDIS_URL


@pytest.fixture
def prefix(redis_url: str) -> Iterator[str]:
    """A unique Redis key prefix; every key under it is deleted afterwards."""
    import redis

    value = f"gptkit-test:{uuid.uuid4().hex}"
    yield value
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=f"{value}:*"))
    if keys:
        client.delete(*keys)


def _own_redis(tmp_path_factory: pytest.TempPathFactory, *, persist: bool) -> Iterator[object]:
    from tests.redis_server import RedisServer, redis_server_binary

    pytest.importorskip("redis")
    if redis_server_binary() is None:
        if os.environ.get("GPTKIT_REQUIRE_REDIS") == "1":
            pytest.fail("GPTKIT_REQUIRE_REDIS=1 but redis-server is not on PATH")
        pytest.skip("redis-server is not on PATH")
    server = RedisServer(tmp_path_factory.mktemp("redis"), persist=persist)
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def own_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A private redis-server (tests/redis_server.py) that keeps its data across stop/start:
    for tests that take Redis away, never the machine's shared one."""
    yield from _own_redis(tmp_path_factory, persist=True)


@pytest.fixture
def own_redis_volatile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A private redis-server without persistence: a restart loses everything."""
    yield from _own_redis(tmp_path_factory, persist=False)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line with what the docs test did: blocks run and fragments skipped."""
    import sys

    docs = sys.modules.get("tests.test_docs")
    if docs is None:
        return
    summary = docs.SUMMARY
    terminalreporter.write_line(
        f"docs examples: {summary['run']} python blocks run ({summary['passed']} passed), "
        f"{summary['fragments']} fragments skipped, from README.md and docs/"
    )
