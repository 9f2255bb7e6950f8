"""The fake answers like the API without being told to: rate-limit headers and structured output.

Every answer carries ``x-ratelimit-limit/remaining/reset-requests`` and ``-tokens``; limits the
fake was not given are generous and never enforced. A ``response_format`` with a JSON schema
gets a JSON value matching it, so ``parse`` works against an unscripted fake.
"""

from __future__ import annotations

import json
from typing import Any, Literal

import httpx
import pytest
from pydantic import BaseModel

import gptkit
from gptkit._tokens import estimate_prompt_tokens, max_output_tokens
from gptkit.testing import FakeOpenAI
from gptkit.testing._fake_limits import GENEROUS_RPM, GENEROUS_TPM
from gptkit.testing._fake_schema import sample_from_schema

from .fakeutil import MSGS

_NAMES = [f"x-ratelimit-{kind}-{unit}" for unit in ("requests", "tokens") for kind in ("limit", "remaining", "reset")]


def _post(fake: FakeOpenAI, path: str, body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    reply = fake.handle("POST", f"/v1{path}", {}, json.dumps(body).encode())
    return reply.status, dict(reply.headers), b"".join(s for s in reply.steps() if isinstance(s, bytes))


@pytest.mark.parametrize(("path", "body"), [
    ("/chat/completions", {"model": "gpt-4o", "messages": MSGS, "max_tokens": 50}),
    ("/chat/completions", {"model": "gpt-4o", "messages": MSGS, "stream": True}),
    ("/completions", {"model": "gpt-3.5-turbo-instruct", "prompt": "hi"}),
    ("/embeddings", {"model": "text-embedding-3-small", "input": "hi"}),
])
def test_every_answer_carries_generous_headers_that_count_down(path: str, body: dict[str, Any]) -> None:
    fake = FakeOpenAI()
    charge = estimate_prompt_tokens(body) + max_output_tokens(body)
    first = _post(fake, path, body)[1]
    second = _post(fake, path, body)[1]
    assert all(name in first for name in _NAMES), first
    assert (first["x-ratelimit-limit-requests"], first["x-ratelimit-limit-tokens"]) == (
        str(GENEROUS_RPM), str(GENEROUS_TPM))
    assert first["x-ratelimit-remaining-requests"] == str(GENEROUS_RPM - 1)
    assert first["x-ratelimit-remaining-tokens"] == str(GENEROUS_TPM - charge)
    assert int(second["x-ratelimit-remaining-requests"]) <= GENEROUS_RPM - 2 + 1  # refilled a little at most
    assert first["x-ratelimit-reset-requests"].endswith(("ms", "s"))


def test_generous_limits_are_reported_but_never_enforced() -> None:
    clock = [0.0]
    fake = FakeOpenAI(clock=lambda: clock[0])
    body = {"model": "gpt-4o", "messages": MSGS, "max_tokens": GENEROUS_TPM}  # over the generous TPM
    statuses = {_post(fake, "/chat/completions", body)[0] for _ in range(3)}
    assert statuses == {200}
    assert fake.stats.rate_limited == 0 and fake.stats.requests_admitted == 3


def test_a_given_limit_is_enforced_and_the_other_is_reported() -> None:
    clock = [0.0]
    fake = FakeOpenAI(rpm=2, clock=lambda: clock[0])
    body = {"model": "gpt-4o", "messages": MSGS, "max_tokens": 10}
    answers = [_post(fake, "/chat/completions", body) for _ in range(3)]
    assert [status for status, _, _ in answers] == [200, 200, 429]
    refused = answers[2][1]
    assert refused["x-ratelimit-limit-requests"] == "2" and refused["x-ratelimit-remaining-requests"] == "0"
    assert refused["x-ratelimit-limit-tokens"] == str(GENEROUS_TPM)  # reported, not enforced
    assert "retry-after" in refused


def test_code_reading_the_headers_works_over_a_socket() -> None:
    fake = FakeOpenAI()
    with fake.serve() as server, gptkit.Client(api_key="test-key", base_url=server.base_url) as client:
        raw = client.chat.completions.with_raw_response.create(model="gpt-4o", messages=MSGS, max_tokens=5)
    assert int(raw.headers["x-ratelimit-remaining-requests"]) == GENEROUS_RPM - 1
    assert int(raw.headers["x-ratelimit-remaining-tokens"]) < GENEROUS_TPM


def test_a_client_limiter_is_not_slowed_by_the_generous_defaults() -> None:
    from gptkit.testing import VirtualClock

    fake = FakeOpenAI()
    limiter = gptkit.RateLimiter(gptkit.RateLimit(rpm=600, window=1.0))
    with VirtualClock() as clock, gptkit.Client(api_key="test-key", transport=fake, rate_limit=limiter) as client:
        for i in range(30):
            client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": str(i)}],
                                           max_tokens=100_000)
    # 600 rpm in a 1 s window: a burst of 10, then one every 0.1 s; the fake's huge TPM adds no wait.
    assert clock.sleeps and max(clock.sleeps) <= 0.11
    assert sum(clock.sleeps) == pytest.approx(20 * 0.1 + 0.25, abs=0.3)
    assert limiter.stats().rejected == 0


class Person(BaseModel):
    name: str
    age: int


class Meeting(BaseModel):
    title: str
    when: str
    kind: Literal["standup", "review"]
    people: list[Person]
    room: str | None = None
    score: float


def test_structured_output_answers_match_the_schema() -> None:
    with FakeOpenAI().client() as client:
        completion = client.chat.completions.parse(model="gpt-4o", messages=MSGS, response_format=Meeting)
    meeting = completion.choices[0].message.parsed
    assert isinstance(meeting, Meeting)
    assert meeting.kind == "standup" and len(meeting.people) == 1 and meeting.room is not None


def test_json_object_mode_gets_an_object() -> None:
    fake = FakeOpenAI()
    body = {"model": "gpt-4o", "messages": MSGS, "response_format": {"type": "json_object"}}
    answer = json.loads(_post(fake, "/chat/completions", body)[2])
    assert json.loads(answer["choices"][0]["message"]["content"]) == {}


def test_schema_samples_respect_constraints_and_recursion() -> None:
    schema = {
        "type": "object",
        "properties": {
            "n": {"type": "integer", "minimum": 3},
            "m": {"type": "number", "exclusiveMaximum": -1},
            "at": {"type": "string", "format": "date-time"},
            "tags": {"type": "array", "items": {"type": "string"}, "minItems": 2},
            "const": {"const": "x"},
            "tree": {"$ref": "#/$defs/Node"},
        },
        "$defs": {"Node": {"type": "object", "properties": {
            "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
            "parent": {"anyOf": [{"$ref": "#/$defs/Node"}, {"type": "null"}]},
        }}},
    }
    value = sample_from_schema(schema)
    assert value["n"] == 3 and value["m"] < -1 and value["at"].endswith("Z")
    assert value["tags"] == ["tags", "tags"] and value["const"] == "x"
    depth, node = 0, value["tree"]
    while node is not None:  # recursion ends
        node, depth = node["parent"], depth + 1
    assert 1 <= depth <= 8


def test_unstructured_requests_still_echo() -> None:
    reply = httpx.Client(transport=FakeOpenAI(), base_url="http://fake/v1").post(
        "/chat/completions", json={"model": "gpt-4o", "messages": MSGS})
    assert reply.json()["choices"][0]["message"]["content"].startswith("Echo: ")
