from __future__ import annotations

import logging
import os

import pytest

for _var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"):
    os.environ.pop(_var, None)


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    """Runs a test once with ``Client`` and once with ``AsyncClient``."""
    return str(request.param)


@pytest.fixture(autouse=True)
def _gptkit_debug_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="gptkit")
