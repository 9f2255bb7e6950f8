"""``client.beta.responses``: the beta Responses API (multi-agent responses) over the transport seam.

Each call goes to the beta path (``/responses?beta=true``) with ``betas=[...]`` as the
``OpenAI-Beta`` header, and comes back as the beta types (``gptkit.types.beta``), whose items and
events name their ``agent``. Run against a scripted transport (what is sent) and ``FakeOpenAI``
(which refuses a multi-agent request without the header), on both clients.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.testing import FakeOpenAI, VirtualClock
from gptkit.types.beta import (
    BetaResponse,
    BetaResponseOutputMessage,
    BetaResponseTextDeltaEvent,
)
from gptkit.types.beta.beta_response_output_item import MultiAgentCall
from tests.helpers import API_KEY, Recorder, close, invoke, make_client
from tests.responses_helpers import message, response_body, sse

PROMPT = "Compare proposal Alpha with proposal Beta."
BETA = "responses_multi_agent=v1"


def _agent_body() -> dict[str, Any]:
    agent_message = {**message("Alpha is faster.", id="msg_a"), "agent": {"agent_name": "/root/agent_1"}}
    call = {"type": "multi_agent_call", "id": "mac_1", "action": "spawn_agent", "arguments": "{}",
            "call_id": "call_1"}
    return response_body([call, agent_message, message("Choose Alpha.", id="msg_r")])


def _fake_client(kind: str, fake: FakeOpenAI) -> Any:
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    return cls(api_key=API_KEY, base_url="http://fake/v1", transport=fake)


async def _events(stream: Any) -> list[Any]:
    if hasattr(stream, "__aiter__"):
        return [event async for event in stream]
    return list(stream)


async def test_create_sends_the_beta_path_and_header_and_reads_the_agents(kind: str) -> None:
    recorder = Recorder(httpx.Response(200, json=_agent_body()))
    client = make_client(kind, recorder)
    response = await invoke(client, "beta.responses.create", model="gpt-4o", input=PROMPT,
                            multi_agent={"enabled": True}, betas=[BETA])
    sent = recorder.requests[0]
    assert (sent.method, sent.url.path, dict(sent.url.params)) == ("POST", "/v1/responses", {"beta": "true"})
    assert sent.headers["openai-beta"] == BETA
    assert json.loads(sent.content) == {"model": "gpt-4o", "input": PROMPT, "multi_agent": {"enabled": True}}
    assert type(response) is BetaResponse
    call, by_agent, own = response.output
    assert type(call) is MultiAgentCall and call.action == "spawn_agent" and call.agent is None
    assert type(by_agent) is BetaResponseOutputMessage and by_agent.agent.agent_name == "/root/agent_1"
    assert own.agent is None and response.output_text == "Alpha is faster.Choose Alpha."
    assert response.usage.total_tokens == 123 and client.ledger.calls == 1  # billed as any call
    await close(client)


async def test_the_callers_own_beta_header_and_query_win(kind: str) -> None:
    recorder = Recorder(httpx.Response(200, json=_agent_body()))
    client = make_client(kind, recorder)
    await invoke(client, "beta.responses.create", model="gpt-4o", input="hi", betas=[BETA, "other=v2"],
                 extra_headers={"X-Trace": "1"}, extra_query={"debug": "1"})
    sent = recorder.requests[0]
    assert sent.headers["openai-beta"] == f"{BETA},other=v2" and sent.headers["x-trace"] == "1"
    assert dict(sent.url.params) == {"beta": "true", "debug": "1"}
    await invoke(client, "beta.responses.create", model="gpt-4o", input="hi", betas=[BETA],
                 extra_headers={"OpenAI-Beta": "mine=v1"})
    assert recorder.requests[1].headers["openai-beta"] == "mine=v1"
    await close(client)


@pytest.mark.parametrize(("params", "param"), [
    ({"betas": "responses_multi_agent=v1"}, "betas"),
    ({"betas": [1]}, "betas"),
    ({"multi_agent": {"max_concurrent_subagents": 2}}, "multi_agent.enabled"),
    ({"multi_agent": {"enabled": True, "max_concurrent_subagents": 0}}, "multi_agent.max_concurrent_subagents"),
    ({"multi_agents": {"enabled": True}}, "multi_agents"),
])
async def test_bad_input_is_refused_before_anything_is_sent(kind: str, params: dict[str, Any], param: str) -> None:
    recorder = Recorder()
    client = make_client(kind, recorder)
    with pytest.raises(gptkit.InvalidParameterError) as caught:
        await invoke(client, "beta.responses.create", model="gpt-4o", input="hi", **params)
    assert caught.value.param == param and "beta.responses.create" in str(caught.value)
    assert isinstance(caught.value, gptkit.BadRequestError)  # as the official package raises it
    assert recorder.requests == []
    await close(client)


async def test_a_multi_agent_stream_names_the_agent_of_each_item_and_event(kind: str) -> None:
    fake = FakeOpenAI()
    client = _fake_client(kind, fake)
    stream = await invoke(client, "beta.responses.create", model="gpt-4o", input=PROMPT,
                          multi_agent={"enabled": True}, betas=[BETA], stream=True)
    events = await _events(stream)
    added = [e.item for e in events if e.type == "response.output_item.added"]
    assert [(item.type, item.agent and item.agent.agent_name) for item in added] == [
        ("multi_agent_call", None), ("message", "/root/agent_1"), ("multi_agent_call_output", None),
        ("message", None)]
    deltas = [e for e in events if e.type == "response.output_text.delta"]
    assert all(type(e) is BetaResponseTextDeltaEvent for e in deltas)
    by_agent = "".join(e.delta for e in deltas if e.agent is not None)
    assert by_agent == f"Agent report: {PROMPT}" and {e.agent.agent_name for e in deltas if e.agent} == {
        "/root/agent_1"}
    final = events[-1]
    assert final.type == "response.completed" and type(final.response) is BetaResponse
    assert final.response.output[1].agent.agent_name == "/root/agent_1"
    request = fake.requests[-1]
    assert request.path == "/responses" and request.query == {"beta": "true"}
    assert request.headers["openai-beta"] == BETA
    assert client.ledger.calls == 1
    await close(client)


async def test_the_fake_refuses_multi_agent_without_the_beta_header(kind: str) -> None:
    client = _fake_client(kind, FakeOpenAI())
    with pytest.raises(gptkit.BadRequestError) as caught:
        await invoke(client, "beta.responses.create", model="gpt-4o", input=PROMPT, multi_agent={"enabled": True})
    assert "OpenAI-Beta" in str(caught.value) and caught.value.param == "multi_agent"
    await close(client)


async def test_retrieve_items_count_cancel_and_delete_go_to_the_beta_path(kind: str) -> None:
    fake = FakeOpenAI(response_time=3600)  # still running when cancelled, however slow the machine
    client = _fake_client(kind, fake)
    created = await invoke(client, "beta.responses.create", model="gpt-4o", input=PROMPT,
                           multi_agent={"enabled": True}, betas=[BETA], background=True)
    assert type(created) is BetaResponse and created.status == "queued"
    again = await invoke(client, "beta.responses.retrieve", created.id, betas=[BETA])
    assert type(again) is BetaResponse and again.id == created.id
    page = await invoke(client, "beta.responses.input_items.list", created.id, betas=[BETA])
    items = [item async for item in page] if hasattr(page, "__aiter__") else list(page)
    assert [(type(item).__name__, item.agent) for item in items] == [("BetaResponseInputMessageItem", None)]
    counted = await invoke(client, "beta.responses.input_tokens.count", model="gpt-4o", input=PROMPT,
                           betas=[BETA])
    assert counted.input_tokens > 0
    cancelled = await invoke(client, "beta.responses.cancel", created.id, betas=[BETA])
    assert type(cancelled) is BetaResponse and cancelled.status == "cancelled"
    assert await invoke(client, "beta.responses.delete", created.id, betas=[BETA]) is None
    seen = [(r.method, r.path, r.query.get("beta"), r.headers.get("openai-beta")) for r in fake.requests]
    paths = ["/responses", f"/responses/{created.id}", f"/responses/{created.id}/input_items",
             "/responses/input_tokens", f"/responses/{created.id}/cancel", f"/responses/{created.id}"]
    assert [(path, "true", BETA) for path in paths] == [(p, b, h) for _, p, b, h in seen]
    await close(client)


async def test_a_background_beta_stream_is_read_again_with_its_events(kind: str) -> None:
    fake = FakeOpenAI()
    client = _fake_client(kind, fake)
    created = await invoke(client, "beta.responses.create", model="gpt-4o", input=PROMPT,
                           multi_agent={"enabled": True}, betas=[BETA], background=True)
    stream = await invoke(client, "beta.responses.retrieve", created.id, stream=True, starting_after=3,
                          betas=[BETA])
    events = await _events(stream)
    assert events[0].sequence_number == 4 and events[-1].type == "response.completed"
    assert type(events[-1].response) is BetaResponse
    assert fake.requests[-1].query == {"beta": "true", "stream": "true", "starting_after": "3"}
    await close(client)


async def test_raw_and_streaming_views(kind: str) -> None:
    recorder = Recorder(httpx.Response(200, json=_agent_body(), headers={"x-request-id": "req_9"}))
    client = make_client(kind, recorder)
    raw = await invoke(client, "beta.responses.with_raw_response.create", model="gpt-4o", input="hi",
                       betas=[BETA])
    assert raw.headers["x-request-id"] == "req_9"
    parsed = raw.parse()
    assert type(parsed) is BetaResponse and parsed.output[1].agent.agent_name == "/root/agent_1"
    via_client = client.with_raw_response.beta.responses.create
    assert type((await invoke(client, "with_raw_response.beta.responses.create", model="gpt-4o",
                              input="hi")).parse()) is BetaResponse, via_client
    if kind == "sync":
        with client.beta.responses.with_streaming_response.create(model="gpt-4o", input="hi") as response:
            assert type(response.parse()) is BetaResponse
    else:
        async with client.beta.responses.with_streaming_response.create(model="gpt-4o", input="hi") as response:
            assert type(await response.parse()) is BetaResponse
    assert all(r.url.params.get("beta") == "true" for r in recorder.requests)
    await close(client)


async def test_a_scripted_beta_stream_is_typed_and_billed(kind: str) -> None:
    body = _agent_body()
    events = [{"type": "response.created", "sequence_number": 0, "response": {**body, "status": "in_progress",
                                                                               "output": [], "usage": None}},
              {"type": "response.output_text.delta", "sequence_number": 1, "item_id": "msg_a", "output_index": 1,
               "content_index": 0, "delta": "Alpha is faster.", "logprobs": [],
               "agent": {"agent_name": "/root/agent_1"}},
              {"type": "response.completed", "sequence_number": 2, "response": body}]
    recorder = Recorder(httpx.Response(200, content=sse(events), headers={"content-type": "text/event-stream"}))
    client = make_client(kind, recorder)
    stream = await invoke(client, "beta.responses.create", model="gpt-4o", input="hi", stream=True)
    got = await _events(stream)
    assert [type(e).__name__ for e in got] == ["BetaResponseCreatedEvent", "BetaResponseTextDeltaEvent",
                                               "BetaResponseCompletedEvent"]
    assert got[1].agent.agent_name == "/root/agent_1" and got[0].agent is None
    assert json.loads(recorder.requests[0].content)["stream"] is True
    assert client.ledger.calls == 1 and client.ledger.snapshot().total.completion_tokens == 87
    await close(client)


def _printed(module: Any) -> list[str]:
    """What a program prints of a beta response and of every event of a beta stream (``repr`` and
    ``to_json``), with ``module``'s client against a fresh fake on a virtual clock."""
    import openai

    with VirtualClock():
        fake = FakeOpenAI()
        if module is openai:
            client: Any = openai.OpenAI(api_key=API_KEY, base_url="http://fake/v1",
                                        http_client=httpx.Client(transport=fake))
        else:
            client = gptkit.Client(api_key=API_KEY, base_url="http://fake/v1", transport=fake)
        response = client.beta.responses.create(
            model="o3", input=PROMPT, reasoning={"effort": "low", "summary": "auto"},
            multi_agent={"enabled": True}, betas=[BETA])
        events = list(client.beta.responses.create(
            model="gpt-4o", input=PROMPT, text={"format": {"type": "json_object"}}, multi_agent={"enabled": True},
            betas=[BETA], stream=True))
        client.close()
        return [repr(response), response.to_json(), *(repr(event) for event in events)]


def test_beta_objects_print_as_the_official_ones() -> None:
    import openai

    theirs, ours = _printed(openai), _printed(gptkit)
    assert len(ours) == len(theirs) > 20
    for mine, official in zip(ours, theirs, strict=True):
        assert mine == official
    assert "BetaResponseOutputText(" in ours[0] and "BetaResponseUsage(" in ours[0] and "agent=Agent(" in ours[0]
