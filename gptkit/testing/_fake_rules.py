"""What the fake's core keeps besides its state machines: its statistics, scripted answer rules,
and the paths it routes (with ``/v1`` or not, ``{name}`` parameters)."""

from __future__ import annotations

import re
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field

from gptkit.testing._fake_answers import Answer
from gptkit.testing._faults import FakeRequest, Predicate

__all__ = ["FakeStats", "ResponseRule", "azure_path", "normalise_path", "route_pattern"]


@dataclass
class FakeStats:
    """What the fake server has seen and done (live; read it after the calls under test)."""

    requests: int = 0
    by_path: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    #: 429s sent because the RPM/TPM limit was exceeded (injected 429s not included).
    rate_limited: int = 0
    #: Injected faults by kind.
    faults: Counter[str] = field(default_factory=Counter)
    requests_admitted: int = 0
    #: Tokens charged to the TPM limit by admitted requests (prompt estimate + max output).
    tokens_admitted: int = 0
    #: When the limiter admitted its first and latest request (the fake's monotonic clock;
    #: None until one is admitted): the span a rate is measured over.
    first_admitted: float | None = None
    last_admitted: float | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    streams: int = 0
    in_flight: int = 0
    max_in_flight: int = 0

    @property
    def sent_429(self) -> int:
        """Every 429 sent, enforced or injected."""
        return self.statuses[429]


@dataclass
class ResponseRule:
    """A scripted answer for matching requests (``times=None``: for every one)."""

    answer: Answer
    times: int | None = 1
    when: Predicate | None = None
    path: str | None = None
    used: int = 0

    def selects(self, request: FakeRequest) -> bool:
        if self.times is not None and self.used >= self.times:
            return False
        if self.path is not None and request.path != self.path:
            return False
        return self.when is None or self.when(request)


def normalise_path(raw: str) -> str:
    path = raw.split("?", 1)[0].rstrip("/") or "/"
    if path.startswith("/v1/"):
        path = path[3:]
    return path


#: Azure OpenAI's paths: ``/openai/deployments/{name}/<operation>`` (and ``/openai/<operation>``
#: for what is not per deployment), each with an ``api-version`` query; ``/openai/v1/...`` is
#: Azure's OpenAI-style API, which takes none.
_AZURE = re.compile(r"^/openai(?:/deployments/(?P<deployment>[^/]+))?(?P<rest>/.*)$")


def azure_path(path: str) -> tuple[str, str | None, bool]:
    """``(the OpenAI path, the deployment or None, whether it needs an api-version)`` of a
    normalised path; a path that is not Azure's is returned as is (``False``: no api-version)."""
    match = _AZURE.match(path)
    if match is None:
        return path, None, False
    rest, deployment = match["rest"], match["deployment"]
    if deployment is None and rest.startswith("/v1/"):
        return rest[3:], None, False
    return rest, urllib.parse.unquote(deployment) if deployment else None, True


def route_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(pattern)) + "$")
