"""gptkit's testing kit, public for users' own test suites.

- ``FakeOpenAI``: a fake OpenAI API with deterministic answers, rate limits and injected
  faults; an in-process httpx transport (``Client(transport=FakeOpenAI())``) or a real server
  on 127.0.0.1 (``with FakeOpenAI().serve() as server: server.base_url``;
  ``python -m gptkit.testing.fake_server --port 8000``).
- ``Fault``: the faults to inject (``fake.inject(Fault.reset(), attempts=2)``).
- ``Cassette``: record a test's HTTP interactions once, replay them offline
  (``Client(transport=Cassette(path).transport())``); the pytest plugin gives the
  ``gptkit_cassette`` / ``gptkit_client`` / ``gptkit_async_client`` fixtures and the
  ``@pytest.mark.gptkit_cassette`` marker.
- ``VirtualClock`` / ``no_waits()``: make retry and rate-limit waits instant and inspectable.

Names load on first use, so importing the pytest plugin stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gptkit.testing._cassette import RECORD_MODES, Cassette, CassetteWarning
    from gptkit.testing._cassette_format import CassetteError
    from gptkit.testing._clock import VirtualClock, no_waits
    from gptkit.testing._fake import FakeOpenAI, run_fake_server
    from gptkit.testing._fake_answers import ToolCall
    from gptkit.testing._fake_batches import FakeBatch
    from gptkit.testing._fake_files import FakeFile
    from gptkit.testing._fake_reply import FakeReply
    from gptkit.testing._fake_rules import FakeStats, ResponseRule
    from gptkit.testing._faults import FAULT_KINDS, FakeRequest, Fault, FaultRule
    from gptkit.testing._record import AsyncRecordingTransport, RecordingTransport
    from gptkit.testing._replay import AsyncReplayTransport, ReplayTransport
    from gptkit.testing._scrub import CassetteSecretError
    from gptkit.testing._server import FakeServer

__all__ = [
    "FAULT_KINDS",
    "RECORD_MODES",
    "AsyncRecordingTransport",
    "AsyncReplayTransport",
    "Cassette",
    "CassetteError",
    "CassetteSecretError",
    "CassetteWarning",
    "FakeBatch",
    "FakeFile",
    "FakeOpenAI",
    "FakeReply",
    "FakeRequest",
    "FakeServer",
    "FakeStats",
    "Fault",
    "FaultRule",
    "RecordingTransport",
    "ReplayTransport",
    "ResponseRule",
    "ToolCall",
    "VirtualClock",
    "no_waits",
    "run_fake_server",
]

_WHERE = {
    "FAULT_KINDS": "_faults", "RECORD_MODES": "_cassette", "AsyncRecordingTransport": "_record",
    "AsyncReplayTransport": "_replay", "Cassette": "_cassette", "CassetteError": "_cassette_format",
    "CassetteSecretError": "_scrub", "CassetteWarning": "_cassette", "FakeBatch": "_fake_batches",
    "FakeFile": "_fake_files", "FakeOpenAI": "_fake",
    "FakeReply": "_fake_reply", "FakeRequest": "_faults", "FakeServer": "_server",
    "FakeStats": "_fake_rules", "Fault": "_faults", "FaultRule": "_faults",
    "RecordingTransport": "_record",
    "ReplayTransport": "_replay", "ResponseRule": "_fake_rules", "ToolCall": "_fake_answers",
    "VirtualClock": "_clock", "no_waits": "_clock", "run_fake_server": "_fake",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'gptkit.testing' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"gptkit.testing.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
