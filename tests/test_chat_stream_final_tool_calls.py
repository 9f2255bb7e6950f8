"""``chat.completions.stream(...)``: the final completion prints and serialises as the official
helper's (every message field set, each tool call keeping its stream ``index``); over the
transport seam, against the same ``FakeOpenAI`` script for both packages."""

from __future__ import annotations

from typing import Any

import httpx
import openai
import pydantic

import gptkit
from gptkit.testing import FakeOpenAI, VirtualClock


class Lookup(pydantic.BaseModel):
    city: str


def _client(module: Any) -> Any:
    fake = FakeOpenAI(clock=lambda: 1_700_000_000.0)
    fake.respond(None, tool_calls=[{"name": "Lookup", "arguments": {"city": "Paris"}},
                                   {"name": "Lookup", "arguments": {"city": "Rome"}}])
    return module.OpenAI(api_key="sk-test", base_url="https://api.openai.com/v1", max_retries=0,
                         http_client=httpx.Client(transport=fake)), fake


def _final(module: Any, **params: Any) -> tuple[Any, Any]:
    client, fake = _client(module)
    # The fake stamps ``created`` from the wall clock: a virtual one, or two runs can straddle a second.
    with VirtualClock(), client.chat.completions.stream(model="gpt-4o", messages=[{"role": "user", "content": "Weather?"}],
                                        **params) as stream:
        for _event in stream:
            pass
        final = stream.get_final_completion()
    return final, fake


def test_final_tool_calls_keep_their_index() -> None:
    tools = [openai.pydantic_function_tool(Lookup)]
    ours, _ = _final(gptkit, tools=[gptkit.pydantic_function_tool(Lookup)])
    theirs, _ = _final(openai, tools=tools)
    assert repr(ours) == repr(theirs) and ours.to_json() == theirs.to_json()
    calls = ours.choices[0].message.tool_calls
    assert [call.index for call in calls] == [0, 1]
    assert [call.function.parsed_arguments for call in calls] == [Lookup(city="Paris"), Lookup(city="Rome")]


def test_without_tools_given() -> None:
    ours, _ = _final(gptkit)
    theirs, _ = _final(openai)
    assert repr(ours) == repr(theirs) and ours.to_json() == theirs.to_json()
    assert "index=0" in repr(ours.choices[0].message.tool_calls[0])


def test_a_text_answer() -> None:
    def final(module: Any) -> Any:
        client = module.OpenAI(api_key="sk-test", base_url="https://api.openai.com/v1", max_retries=0,
                               http_client=httpx.Client(transport=FakeOpenAI(clock=lambda: 1_700_000_000.0)))
        with client.chat.completions.stream(model="gpt-4o", messages=[{"role": "user", "content": "hi"}]) as stream:
            return stream.get_final_completion()

    ours, theirs = final(gptkit), final(openai)
    assert ours.to_json() == theirs.to_json() and repr(ours) == repr(theirs)
    assert '"audio": null' in ours.to_json()


def test_the_stream_own_final_is_untouched() -> None:
    client, _ = _client(gptkit)
    stream = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Weather?"}],
                                            stream=True)
    for _chunk in stream:
        pass
    assert "index" not in stream.get_final_completion().choices[0].message.tool_calls[0].to_dict()
