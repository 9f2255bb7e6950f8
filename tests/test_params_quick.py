"""The quick check of chat parameters (``gptkit._core._params.QuickCheck``) against pydantic's.

The quick check answers the common calls without building the parameters' validator; it must
return exactly what the ``TypeAdapter`` returns (values, types, key order: the body is sent in
that order), and must never accept what the adapter rejects: then the adapter raises its error.
"""

from __future__ import annotations

import json
import random
from typing import Any

import httpx
import pydantic
import pytest

import gptkit
from gptkit.resources._quick import QUICK_CHAT
from gptkit.resources.chat import CHAT_COMPLETIONS
from gptkit.types.chat.chat_completion_assistant_message_param import ChatCompletionAssistantMessageParam
from gptkit.types.chat.chat_completion_developer_message_param import ChatCompletionDeveloperMessageParam
from gptkit.types.chat.chat_completion_system_message_param import ChatCompletionSystemMessageParam
from gptkit.types.chat.chat_completion_tool_message_param import ChatCompletionToolMessageParam
from gptkit.types.chat.chat_completion_user_message_param import ChatCompletionUserMessageParam
from gptkit.types.chat.completion_create_params import ChatCompletionCreateParams

ADAPTER: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(ChatCompletionCreateParams)

#: Values for each parameter: valid ones, and ones of the wrong type, out of bounds or unusual.
VALUES: dict[str, list[Any]] = {
    "model": ["gpt-4o", "", 4, None, "x" * 3],
    "frequency_penalty": [0, 0.5, -2, 2.0, 2.5, -3, True, "1", float("nan"), float("inf")],
    "presence_penalty": [1, -1.5, 3.0],
    "temperature": [0, 1, 0.2, 2, 2.01, -0.1, False, "0.2", float("nan")],
    "top_p": [0, 1, 0.9, 1.5, True],
    "max_tokens": [1, 50, 0, -1, 1.0, True, "50", 10**20],
    "max_completion_tokens": [1, 0, 2.5],
    "n": [1, 128, 129, 0],
    "seed": [0, -5, 2**40, 1.0, True],
    "top_logprobs": [0, 20, 21],
    "logprobs": [True, False, 1, "true"],
    "store": [True, 0],
    "parallel_tool_calls": [False, None],
    "stream": [True, False, 1],
    "user": ["u-1", "", 5],
    "stop": ["\n", ["a", "b"], ("x",), 3],
    "verbosity": ["low", "high", "loud"],
    "prompt_cache_retention": ["24h", "in_memory", "1h"],
    "reasoning_effort": ["low", 3],
    "service_tier": ["auto", "flex"],
    "safety_identifier": ["abc"],
    "prompt_cache_key": ["k"],
    "metadata": [{"a": "b"}],  # the quick check leaves these to the adapter
    "stream_options": [{"include_usage": True}],
    "response_format": [{"type": "json_object"}],
    "tools": [[{"type": "function", "function": {"name": "f"}}]],
    "unknown_param": [1],
}

MESSAGES: list[Any] = [
    {"role": "user", "content": "hi"},
    {"content": "hi", "role": "user", "name": "bob"},
    {"role": "system", "content": "Be brief."},
    {"role": "developer", "content": "Rules."},
    {"role": "assistant", "content": "Hello.", "refusal": "no"},
    {"name": "a", "role": "assistant"},
    {"role": "assistant", "content": None},
    {"role": "tool", "content": "42", "tool_call_id": "call_1"},
    {"role": "tool", "content": "42"},
    {"role": "function", "content": "x", "name": "f"},
    {"role": "user", "content": [{"type": "text", "text": "hi"}]},
    {"role": "user", "content": "hi", "extra": "provider field"},
    {"role": "user"},
    {"role": "robot", "content": "hi"},
    {"role": ["user"], "content": "hi"},
    {"role": "user", "content": 5},
    "hello",
]


def _messages(rng: random.Random) -> Any:
    pool = MESSAGES[:6] if rng.random() < 0.6 else MESSAGES  # often the common, valid ones
    picked = [rng.choice(pool) for _ in range(rng.randint(0, 3))]
    return rng.choice([picked, picked, tuple(picked), {"role": "user", "content": "hi"}, None])


def _compare(params: dict[str, Any]) -> bool:
    """Both checks agree on ``params``; True when the quick check vouched for them."""
    quick = QUICK_CHAT.check(params)
    try:
        expected = ADAPTER.validate_python(params)
    except pydantic.ValidationError:
        assert quick is None, f"the quick check accepted what pydantic rejects: {params!r}"
        return False
    if quick is None:
        return False
    assert quick == expected
    # The same types and key order, at every level: the same JSON bytes on the wire.
    assert json.dumps(quick) == json.dumps(expected), params
    assert type(quick["messages"]) is type(expected["messages"])
    for mine, theirs in zip(quick["messages"], expected["messages"], strict=True):
        assert list(mine) == list(theirs) and mine is not theirs
    for key, value in quick.items():
        assert type(value) is type(expected[key]), key
    return True


def test_the_quick_check_returns_what_pydantic_returns_or_defers_to_it() -> None:
    rng = random.Random(19)
    vouched = 0
    for _ in range(3000):
        params: dict[str, Any] = {}
        if rng.random() < 0.95:
            params["model"] = rng.choice(VALUES["model"]) if rng.random() < 0.3 else "gpt-4o"
        if rng.random() < 0.95:
            params["messages"] = _messages(rng)
        for name in rng.sample(sorted(VALUES), rng.randint(0, 5)):
            if name != "model":
                params[name] = rng.choice(VALUES[name])
        keys = list(params)
        rng.shuffle(keys)
        vouched += _compare({key: params[key] for key in keys})
    assert vouched > 200, vouched  # the common calls do take the quick path


def test_the_rules_follow_the_typeddicts_field_order() -> None:
    fields = list(ChatCompletionCreateParams.__annotations__)
    rules = list(QUICK_CHAT._rules)
    assert rules == [name for name in fields if name in rules]
    assert set(QUICK_CHAT._required) == set(ChatCompletionCreateParams.__required_keys__) | {"messages", "model"}
    roles = {
        "developer": ChatCompletionDeveloperMessageParam, "system": ChatCompletionSystemMessageParam,
        "user": ChatCompletionUserMessageParam, "assistant": ChatCompletionAssistantMessageParam,
        "tool": ChatCompletionToolMessageParam,
    }
    for role, typed in roles.items():
        params = {"model": "m", "messages": [{"role": role, **{k: "v" for k in typed.__annotations__ if k != "role"}}]}
        _compare(params)  # the orders agree wherever the quick check vouches


def _client(seen: list[httpx.Request]) -> gptkit.Client:
    body = {"id": "c", "object": "chat.completion", "created": 1, "model": "gpt-4o",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "ok"}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=body)

    return gptkit.Client(api_key="sk-test", transport=httpx.MockTransport(answer))


def test_a_plain_call_sends_the_same_body_through_the_quick_check() -> None:
    seen: list[httpx.Request] = []
    client = _client(seen)
    client.chat.completions.create(model="gpt-4o", temperature=1, max_tokens=5,
                                   messages=[{"content": "hi", "role": "user"}])
    assert seen[0].content == (b'{"messages":[{"content":"hi","role":"user"}],"model":"gpt-4o",'
                               b'"max_tokens":5,"temperature":1.0}')


@pytest.mark.parametrize(("params", "param"), [
    ({"temperature": 3}, "temperature"),
    ({"max_tokens": 0}, "max_tokens"),
    ({"tempreature": 0.5}, "tempreature"),
    ({"messages": [{"role": "user", "content": 5}]}, "messages.0"),
])
def test_errors_are_still_pydantics_named_errors(params: dict[str, Any], param: str) -> None:
    seen: list[httpx.Request] = []
    client = _client(seen)
    call: dict[str, Any] = {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}], **params}
    with pytest.raises(gptkit.InvalidParameterError) as info:
        client.chat.completions.create(**call)
    assert info.value.param.startswith(param) and seen == []


def test_the_validator_names_its_schema_lazily() -> None:
    validator = CHAT_COMPLETIONS.validator
    assert validator is not None and validator.schema is ChatCompletionCreateParams


# -- responses.create -------------------------------------------------------------------------------

RESPONSES_VALUES: dict[str, list[Any]] = {
    "model": ["gpt-4o", "", 3],
    "instructions": ["Be brief.", None, 1],
    "max_output_tokens": [16, 15, 1000, True],
    "max_tool_calls": [1, 0],
    "temperature": [0, 0.7, 2.5],
    "top_p": [1, 0.5, 2],
    "top_logprobs": [3, 21],
    "store": [False, "no"],
    "background": [True],
    "parallel_tool_calls": [True, None],
    "truncation": ["auto", "disabled", "middle"],
    "safety_identifier": ["s" * 64, "s" * 65],
    "previous_response_id": ["resp_1"],
    "service_tier": ["flex"],
    "prompt_cache_retention": ["24h", "1d"],
    "user": ["u"],
    "stream": [True, False],
    "metadata": [{"k": "v"}],
    "text": [{"format": {"type": "text"}}],
    "tools": [[{"type": "web_search"}]],
    "bogus": [1],
}

RESPONSES_INPUTS: list[Any] = [
    "Capital of France?", "", [{"role": "user", "content": "hi"}], ({"content": "hi", "role": "developer"},),
    [{"role": "assistant", "content": "yo"}, {"role": "system", "content": "s"}], [],
    [{"role": "user", "content": "hi", "type": "message"}], [{"role": "user", "content": [{"type": "input_text",
    "text": "hi"}]}], [{"role": "tool", "content": "x"}], [{"type": "function_call_output", "call_id": "c",
    "output": "1"}], [{"role": "user"}], 5, None,
]


def test_the_responses_quick_check_returns_what_pydantic_returns_or_defers_to_it() -> None:
    from gptkit.resources._quick import QUICK_RESPONSES
    from gptkit.types.responses.response_create_params import ResponseCreateParams

    adapter: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(ResponseCreateParams)
    fields = list(ResponseCreateParams.__annotations__)
    assert list(QUICK_RESPONSES._rules) == [name for name in fields if name in QUICK_RESPONSES._rules]
    rng = random.Random(20)
    vouched = 0
    for _ in range(2000):
        params: dict[str, Any] = {"model": "gpt-4o", "input": rng.choice(RESPONSES_INPUTS)}
        for name in rng.sample(sorted(RESPONSES_VALUES), rng.randint(0, 4)):
            params[name] = rng.choice(RESPONSES_VALUES[name])
        quick = QUICK_RESPONSES.check(params)
        try:
            expected = adapter.validate_python(params)
        except pydantic.ValidationError:
            assert quick is None, params
            continue
        if quick is not None:
            vouched += 1
            assert json.dumps(quick) == json.dumps(expected) and quick == expected, params
            assert {k: type(v) for k, v in quick.items()} == {k: type(v) for k, v in expected.items()}
    assert vouched > 200, vouched
