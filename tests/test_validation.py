"""Bad input raises a typed error naming the parameter, before anything is sent."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import gptkit

from .helpers import Recorder, chat_body, close, invoke, make_client

MSGS = [{"role": "user", "content": "hi"}]

BAD_CHAT: list[tuple[dict[str, Any], str]] = [
    ({"model": "gpt-4o", "messages": MSGS, "temperature": 2.5}, "temperature"),
    ({"model": "gpt-4o", "messages": MSGS, "top_p": -0.1}, "top_p"),
    ({"model": "gpt-4o", "messages": MSGS, "n": 0}, "n"),
    ({"model": "gpt-4o", "messages": MSGS, "presence_penalty": 3}, "presence_penalty"),
    ({"model": "gpt-4o", "messages": MSGS, "max_tokens": "many"}, "max_tokens"),
    ({"model": "gpt-4o", "messages": MSGS, "logit_bias": {"50256": 101}}, "logit_bias.50256"),
    ({"model": "gpt-4o", "messages": "hi"}, "messages"),
    ({"model": "gpt-4o", "messages": []}, "messages"),
    ({"model": "gpt-4o", "messages": [{"role": "wizard", "content": "x"}]}, "messages.0"),
    ({"model": "gpt-4o", "messages": [{"role": "user"}]}, "messages.0.user.content"),
    ({"model": "gpt-4o", "messages": [{"role": "tool", "content": "x"}]}, "messages.0.tool.tool_call_id"),
    ({"messages": MSGS}, "model"),
    ({"model": "", "messages": MSGS}, "model"),
    ({"model": 4, "messages": MSGS}, "model"),
    ({"model": "gpt-4o", "messages": MSGS, "temprature": 1}, "temprature"),
    ({"model": "gpt-4o", "messages": MSGS, "response_format": {"type": "yaml"}}, "response_format"),
    ({"model": "gpt-4o", "messages": MSGS, "timeout": "soon"}, "timeout"),
]


@pytest.mark.parametrize(("kwargs", "param"), BAD_CHAT, ids=[p for _, p in BAD_CHAT])
async def test_bad_chat_input_raises_before_io(kind: str, kwargs: dict[str, Any], param: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = make_client(kind, rec)
    with pytest.raises(gptkit.InvalidParameterError) as info:
        await invoke(client, "chat.completions.create", **kwargs)
    assert info.value.param == param, info.value.errors
    assert param.split(".")[0] in str(info.value)
    assert rec.requests == []
    await close(client)


@pytest.mark.parametrize(
    ("path", "kwargs", "param"),
    [
        ("completions.create", {"model": "m", "prompt": "x", "logprobs": 9}, "logprobs"),
        ("completions.create", {"model": "m"}, "prompt"),
        ("embeddings.create", {"model": "m", "input": ""}, "input"),
        ("embeddings.create", {"model": "m", "input": "x", "encoding_format": "hex"}, "encoding_format"),
        ("embeddings.create", {"model": "m", "input": "x", "dimensions": 0}, "dimensions"),
        ("models.retrieve", {"model": ""}, "model"),
        ("models.list", {"limit": 5}, "limit"),
    ],
)
async def test_bad_input_other_endpoints(kind: str, path: str, kwargs: dict[str, Any], param: str) -> None:
    rec = Recorder(httpx.Response(200, json={}))
    client = make_client(kind, rec)
    with pytest.raises(gptkit.InvalidParameterError) as info:
        await invoke(client, path, **kwargs)
    assert info.value.param is not None and info.value.param.startswith(param)
    assert rec.requests == []
    await close(client)


async def test_valid_rich_request_passes(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = make_client(kind, rec)
    messages = [
        {"role": "developer", "content": "be brief"},
        {"role": "user", "content": [
            {"type": "text", "text": "what is this?"},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA", "detail": "low"}},
        ]},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": "42"},
    ]
    await invoke(
        client, "chat.completions.create", model="gpt-4o", messages=messages,
        tools=[{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}],
        tool_choice={"type": "function", "function": {"name": "f"}}, parallel_tool_calls=False,
        response_format={"type": "json_schema", "json_schema": {"name": "x", "schema": {}, "strict": True}},
        logprobs=True, top_logprobs=3, stop=["\n"], seed=1, user="u", service_tier="auto",
        reasoning_effort="low", metadata={"k": "v"}, store=False, max_completion_tokens=10,
        logit_bias={"1": -100}, frequency_penalty=0.5,
    )
    sent = rec.json()
    assert sent["messages"] == messages
    assert sent["tool_choice"] == {"type": "function", "function": {"name": "f"}}
    assert sent["logit_bias"] == {"1": -100}
    await close(client)


def test_not_given_is_dropped() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = gptkit.Client(api_key="k", transport=rec.transport)
    client.chat.completions.create(model="m", messages=MSGS, temperature=gptkit.NOT_GIVEN)  # type: ignore[typeddict-item]
    assert "temperature" not in rec.json()
