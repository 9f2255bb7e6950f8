"""``responses.stream(...)`` text-done events carry ``parsed`` as the official helper's do, and a
stream attached to a stored response (``response_id=``) takes ``text_format`` as well.

Both packages run the same program against a fresh ``FakeOpenAI`` (same ids, stamps from a fixed
clock) over the transport seam; what they print must be the same.
"""

from __future__ import annotations

from typing import Any

import httpx
import openai
import pydantic

import gptkit
from gptkit.testing import FakeOpenAI


class Step(pydantic.BaseModel):
    explanation: str
    output: str


class Solution(pydantic.BaseModel):
    steps: list[Step]
    final_answer: str


def _client(module: Any) -> Any:
    fake = FakeOpenAI(response_time=0, clock=lambda: 1_700_000_000.0)
    return module.OpenAI(api_key="sk-test", base_url="https://api.openai.com/v1", max_retries=0,
                         http_client=httpx.Client(transport=fake))


def _done_events(client: Any, **params: Any) -> list[str]:
    shown: list[str] = []
    with client.responses.stream(model="gpt-4o", input="Solve 8x + 7 = -23", **params) as stream:
        for event in stream:
            if event.type == "response.output_text.done":
                shown += [event.to_json(indent=None), repr(event), type(event.parsed).__name__]
    return shown


def test_text_done_events_carry_the_parsed_answer() -> None:
    ours = _done_events(_client(gptkit), text_format=Solution)
    assert ours == _done_events(_client(openai), text_format=Solution)
    assert ours[2] == "Solution" and '"parsed":{"steps":' in ours[0]


def test_without_text_format_parsed_is_none() -> None:
    ours = _done_events(_client(gptkit))
    assert ours == _done_events(_client(openai))
    assert ours[2] == "NoneType" and ours[0].endswith('"parsed":null}')


def _attached(module: Any) -> list[str]:
    client = _client(module)
    with client.responses.stream(model="gpt-4o", input="Solve 8x + 7 = -23", text_format=Solution,
                                 background=True) as stream:
        first = next(iter(stream))
        response_id, after = first.response.id, first.sequence_number
    shown = []
    with client.responses.stream(response_id=response_id, starting_after=after, text_format=Solution) as stream:
        for event in stream:
            if event.type == "response.output_text.done":
                shown.append(repr(event))
        final = stream.get_final_response()
    return [*shown, repr(final.output_parsed), type(final).__name__]


def test_an_attached_stream_parses_into_text_format() -> None:
    ours = _attached(gptkit)
    assert ours == _attached(openai)
    assert ours[-1] == "ParsedResponse" and ours[-2].startswith("Solution(steps=[Step(")
