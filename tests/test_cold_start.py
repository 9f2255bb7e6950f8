"""What a program's first call costs, pinned by its causes (timings: ``benchmarks/bench_coldstart.py``).

Each check runs in a fresh interpreter (the first call of a process is what is measured), over
``httpx.MockTransport``, with the default logging (no listener, no debug log: nothing reads the
cost unless the program does). Pinned: which modules ``import gptkit`` and the first chat, stream
and Responses calls load (never the price database and the second HTTP stack it imports when no
budget is set, never the type trees of other endpoints), and which pydantic validators they build.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

#: Set up in each child: a transport answering like OpenAI, and a pydantic plugin that records
#: every validator pydantic builds (the schemas: most of a first call's CPU after imports).
_PRELUDE = r'''
import json, sys
import pydantic.plugin._loader as _loader

BUILT = []

class _Recorder:
    def new_schema_validator(self, schema, schema_type, schema_type_path, schema_kind, config, settings):
        BUILT.append(getattr(schema_type, "__name__", repr(schema_type)))
        return None, None, None

_loader._plugins = {"recorder": _Recorder()}

# Every SSL context created (loading the system's certificates: 10-40 ms each).
import ssl
SSL_CONTEXTS = []
_default_context = ssl.create_default_context
ssl.create_default_context = lambda *a, **k: SSL_CONTEXTS.append(1) or _default_context(*a, **k)

import httpx

USAGE = {"prompt_tokens": 24, "completion_tokens": 38, "total_tokens": 62,
         "prompt_tokens_details": {"cached_tokens": 0}, "completion_tokens_details": {"reasoning_tokens": 0}}
CHAT = {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o-2024-08-06",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": "Paris.", "refusal": None}}],
        "usage": USAGE}
HEAD = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o-2024-08-06"}
EVENTS = [{**HEAD, "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Par"}}]},
          {**HEAD, "choices": [{"index": 0, "delta": {"content": "is."}, "finish_reason": "stop"}]},
          {**HEAD, "choices": [], "usage": USAGE}]
SSE = "".join(f"data: {json.dumps(e)}\n\n" for e in EVENTS) + "data: [DONE]\n\n"
RESPONSE = {"id": "resp_1", "object": "response", "created_at": 1, "status": "completed",
            "model": "gpt-4o-2024-08-06", "output": [{"type": "message", "id": "msg_1", "status": "completed",
            "role": "assistant", "content": [{"type": "output_text", "text": "Paris.", "annotations": []}]}],
            "usage": {"input_tokens": 24, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 38,
                      "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 62}}

def answer(request):
    if request.url.path.endswith("/responses"):
        return httpx.Response(200, json=RESPONSE)
    if json.loads(request.content).get("stream"):
        return httpx.Response(200, text=SSE, headers={"content-type": "text/event-stream"})
    return httpx.Response(200, json=CHAT)

MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Capital of France?"}]
'''

_REPORT = r'''
print(json.dumps({"modules": sorted(sys.modules), "built": BUILT, "ssl_contexts": len(SSL_CONTEXTS)}))
'''


def _first_call(code: str) -> dict[str, Any]:
    script = _PRELUDE + code + _REPORT
    out = subprocess.run([sys.executable, "-W", "error::ResourceWarning", "-c", script], capture_output=True,
                         text=True, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _loaded(modules: list[str], *prefixes: str) -> list[str]:
    return [m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes)]


#: Never loaded by a first chat call without a budget: the price database (and the second HTTP
#: stack genai-prices imports for its updates), streams, structured outputs, retries, asyncio (a
#: sync client), the filter models of Azure, the legacy completion types, other endpoints' types.
_NOT_FOR_A_CHAT_CALL = (
    "genai_prices", "httpx2", "gptkit._cost._database", "gptkit._cost._price_cache", "gptkit._streams",
    "gptkit._structured", "gptkit._responses", "gptkit._ratelimit", "gptkit._observe._events", "tenacity",
    "asyncio", "gptkit.types.content_filter", "gptkit.types.completion", "gptkit.types.chat.chat_completion_chunk",
    "gptkit.types.responses", "gptkit.types.images_response", "gptkit.types.audio", "gptkit.types.batch",
    "gptkit.types.file_object", "gptkit.types.vector_stores", "gptkit.types.fine_tuning",
    "gptkit.types.conversations", "gptkit.types.embedding", "gptkit.pagination",
    # The beta Responses API (``client.beta.responses``) and its ~90 type modules.
    "gptkit.types.beta", "gptkit.resources.beta_responses", "gptkit.resources._beta_responses_plan",
    # The parameters' TypedDicts (~40 modules): the quick check serves plain calls without them.
    "gptkit.types.chat.completion_create_params", "gptkit.types.chat.chat_completion_message_param",
    "gptkit.types.chat_params", "gptkit.types.shared_params",
)
#: How many gptkit modules a first chat call may load (63 today: the client core, cost and the
#: completion's types; 102 while the parameters' TypedDicts were imported to validate them).
_MAX_GPTKIT_MODULES_FOR_CHAT = 70


def test_a_first_chat_call_loads_only_what_it_uses() -> None:
    found = _first_call("""
import gptkit
client = gptkit.Client(api_key="sk-test", transport=httpx.MockTransport(answer))
completion = client.chat.completions.create(model="gpt-4o", messages=MESSAGES, temperature=0.2, max_tokens=50)
assert completion.choices[0].message.content == "Paris."
assert client.ledger.calls == 1
""")
    assert _loaded(found["modules"], *_NOT_FOR_A_CHAT_CALL) == []
    # No SSL context: the call goes over the given transport (finding httpx's stock headers
    # once made a default httpx client, which loads the system's certificates).
    assert found["ssl_contexts"] == 0
    ours = _loaded(found["modules"], "gptkit")
    assert len(ours) <= _MAX_GPTKIT_MODULES_FOR_CHAT, ours
    # One validator: the completion's (its nested models are built inline). Not the parameters'
    # (~12 ms): the quick check vouches for plain calls (tests/test_params_quick.py). No Cost
    # model yet: the call is priced when its cost is read.
    assert found["built"] == ["ChatCompletion"]


def test_import_gptkit_builds_no_validator() -> None:
    assert _first_call("import gptkit\nclient = gptkit.Client(api_key='sk-test')")["built"] == []


def test_the_cost_of_a_first_call_is_priced_when_read_and_is_right() -> None:
    found = _first_call("""
import gptkit
client = gptkit.Client(api_key="sk-test", transport=httpx.MockTransport(answer))
completion = client.chat.completions.create(model="gpt-4o", messages=MESSAGES)
assert "genai_prices" not in sys.modules
cost = completion.cost  # priced now, from the values captured at the call
assert "genai_prices" in sys.modules
# The same call priced at once (a budget settles each call with its cost): the same Cost.
eager = gptkit.Client(api_key="sk-test", transport=httpx.MockTransport(answer), budget=gptkit.Budget(usd="9"))
expected = eager.chat.completions.create(model="gpt-4o", messages=MESSAGES).cost
assert cost == expected and cost.total > 0, (cost, expected)
assert client.ledger.total_cost == cost.total
snap = client.ledger.snapshot()
assert snap.total.cost == cost.total and snap.total.unpriced_calls == 0 and snap.total.calls == 1
assert snap.by_model["gpt-4o"].cost == cost.total
# Once the database is loaded, calls are priced at once again.
again = client.chat.completions.create(model="gpt-4o", messages=MESSAGES)
assert type(again._cost).__name__ == "Cost" and client.ledger.total_cost == 2 * cost.total
""")
    assert "genai_prices" in found["modules"]


def test_a_budget_prices_the_first_call_at_once() -> None:
    found = _first_call("""
import gptkit
budget = gptkit.Budget(usd="1.00")
client = gptkit.Client(api_key="sk-test", transport=httpx.MockTransport(answer), budget=budget)
completion = client.chat.completions.create(model="gpt-4o", messages=MESSAGES, max_tokens=50)
assert type(completion._cost).__name__ == "Cost" and budget.spent == completion.cost.total > 0
""")
    assert "genai_prices" in found["modules"]


def test_a_first_stream_loads_streams_but_not_the_rest() -> None:
    found = _first_call("""
import gptkit
client = gptkit.Client(api_key="sk-test", transport=httpx.MockTransport(answer))
stream = client.chat.completions.create(model="gpt-4o", messages=MESSAGES, stream=True)
assert "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices) == "Paris."
assert stream.get_final_completion().usage.total_tokens == 62
""")
    unused = tuple(p for p in _NOT_FOR_A_CHAT_CALL
                   if p not in ("gptkit._streams", "gptkit.types.chat.chat_completion_chunk"))
    assert _loaded(found["modules"], *unused) == []
    assert sorted(found["built"]) == ["ChatCompletion", "ChatCompletionChunk"]


#: How many gptkit modules a first Responses call may load (85 today; 147 while every output
#: item's and tool's module and the parameters' TypedDicts were imported with ``Response``).
_MAX_GPTKIT_MODULES_FOR_RESPONSES = 90
_NOT_FOR_A_FIRST_RESPONSE = (
    "response_output_item", "tool", "response_create_params", "response_input_param", "tool_param",
    "input_item_list_params", "response_function_tool_call", "response_reasoning_item", "mcp_tool_call_error",
)


def test_a_first_responses_call_loads_no_chat_or_stream_machinery() -> None:
    found = _first_call("""
import gptkit
client = gptkit.Client(api_key="sk-test", transport=httpx.MockTransport(answer))
response = client.responses.create(model="gpt-4o", input="Capital of France?")
assert response.output_text == "Paris." and client.ledger.calls == 1
""")
    unused = tuple(p for p in _NOT_FOR_A_CHAT_CALL if p not in ("gptkit.types.responses", "gptkit._responses"))
    assert _loaded(found["modules"], *unused, "gptkit.types.chat", "gptkit.resources.chat") == []
    # The response's validator, and its message item's (output items and tools load kind by
    # kind, tests/test_lazy_union.py); not the parameters' (the quick check vouches for a string
    # input), nor a nested model's built at import by an instance used as a field's default.
    assert found["built"] == ["Response", "Annotated"]
    ours = _loaded(found["modules"], "gptkit")
    assert len(ours) <= _MAX_GPTKIT_MODULES_FOR_RESPONSES, ours
    # Not the other output items' and tools' modules (~50), nor the parameters' TypedDicts.
    assert _loaded(found["modules"], *(f"gptkit.types.responses.{m}" for m in _NOT_FOR_A_FIRST_RESPONSE)) == []


def test_client_beta_loads_the_beta_responses_api_only_when_used() -> None:
    found = _first_call("""
import gptkit
client = gptkit.Client(api_key="sk-test", transport=httpx.MockTransport(answer))
beta = client.beta
assert beta.chat is beta.chat
assert not any(m.startswith(("gptkit.types.beta", "gptkit.resources.beta_responses")) for m in sys.modules)
responses = client.beta.responses
assert "gptkit.resources.beta_responses" in sys.modules and responses is client.beta.responses
""")
    assert found["built"] == []  # reaching the resource builds no validator: its first call does


# -- memory: what a finished call leaves behind ----------------------------------------------------


async def test_a_finished_call_leaves_no_garbage_cycle(kind: str) -> None:
    """A call's objects (its ``Call`` and trace, the httpx response and request, the connection's
    stream) are freed when the call returns, not when the garbage collector next runs: under
    load, cyclic garbage piles up for a long time between full collections (peak RSS,
    ``benchmarks/bench_coldstart.py``)."""
    import gc

    from tests.cost_helpers import ok, usage_body
    from tests.helpers import Recorder, close, invoke, make_client

    client = make_client(kind, Recorder(*[ok(usage_body(model="gpt-4o")) for _ in range(4)]))
    messages = [{"role": "user", "content": "hi"}]
    await invoke(client, "chat.completions.create", model="gpt-4o", messages=messages)  # warm up
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for _ in range(3):
            await invoke(client, "chat.completions.create", model="gpt-4o", messages=messages)
        gc.collect()
        ours = sorted({f"{type(o).__module__}.{type(o).__qualname__}" for o in gc.garbage
                       if type(o).__module__.startswith(("gptkit", "httpx", "httpcore", "h11"))})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    await close(client)
    assert ours == []
