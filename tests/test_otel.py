"""OpenTelemetry: GenAI spans and metrics into in-memory exporters; nothing imported without opt-in."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from typing import Any

import httpx
import pytest

import gptkit
import gptkit.otel
from gptkit.testing import VirtualClock

from .helpers import Recorder, chat_body, close, invoke
from .observe_helpers import EVENT_GAP, LATENCY, client_of, stream_parts, streamed, timed, top_jitter

sdk_trace = pytest.importorskip("opentelemetry.sdk.trace")  # the dev extra installs it
from opentelemetry.sdk.metrics import MeterProvider  # noqa: E402
from opentelemetry.sdk.metrics.export import InMemoryMetricReader  # noqa: E402
from opentelemetry.sdk.trace.export import SimpleSpanProcessor  # noqa: E402
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter  # noqa: E402
from opentelemetry.trace import SpanKind, StatusCode  # noqa: E402

MSGS = [{"role": "user", "content": "hi"}]


class Telemetry:
    def __init__(self) -> None:
        self.spans = InMemorySpanExporter()
        self.tracer_provider = sdk_trace.TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.spans))
        self.reader = InMemoryMetricReader()
        self.meter_provider = MeterProvider(metric_readers=[self.reader])

    def instrument(self, client: Any, **options: Any) -> Any:
        return gptkit.otel.instrument(client, tracer_provider=self.tracer_provider,
                                      meter_provider=self.meter_provider, **options)

    def metrics(self) -> dict[str, list[Any]]:
        data = self.reader.get_metrics_data()
        found: dict[str, list[Any]] = {}
        assert data is not None
        for resource in data.resource_metrics:
            for scope in resource.scope_metrics:
                assert scope.scope.name == "gptkit"
                for metric in scope.metrics:
                    found.setdefault(metric.name, []).extend(metric.data.data_points)
        return found


async def test_chat_call_span_and_metrics(kind: str) -> None:
    otel = Telemetry()
    client = client_of(kind, Recorder(timed()), tags={"route": "/ask", "user": "u-1"})
    otel.instrument(client, metric_tags=["route"])
    with VirtualClock():
        result = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS,
                              temperature=0.2, max_tokens=5, top_p=0.9, stop="END", n=2, seed=7)
    await close(client)
    (span,) = otel.spans.get_finished_spans()
    assert span.name == "chat gpt-4o"
    assert span.kind is SpanKind.CLIENT
    assert span.status.status_code is StatusCode.UNSET
    attrs = dict(span.attributes or {})
    assert attrs == {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.system": "openai",
        "gen_ai.request.model": "gpt-4o",
        "server.address": "api.openai.com",
        "server.port": 443,
        "gen_ai.request.temperature": 0.2,
        "gen_ai.request.max_tokens": 5,
        "gen_ai.request.top_p": 0.9,
        "gen_ai.request.seed": 7,
        "gen_ai.request.choice.count": 2,
        "gen_ai.request.stop_sequences": ("END",),
        "gptkit.tag.route": "/ask",
        "gptkit.tag.user": "u-1",
        "gen_ai.response.model": "gpt-4o",
        "gen_ai.response.id": "chatcmpl-1",
        "gen_ai.response.finish_reasons": ("stop",),
        "gen_ai.usage.input_tokens": 9,
        "gen_ai.usage.output_tokens": 3,
        "gptkit.retries": 0,
        "gptkit.request_id": "req_1",
        "gptkit.cost.usd": float(result.cost.total),
    }
    found = otel.metrics()
    (duration,) = found["gen_ai.client.operation.duration"]
    assert duration.count == 1 and duration.sum == LATENCY
    assert dict(duration.attributes) == {
        "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.system": "openai",
        "gen_ai.request.model": "gpt-4o", "gen_ai.response.model": "gpt-4o",
        "server.address": "api.openai.com", "server.port": 443, "gptkit.tag.route": "/ask",
    }  # only the tags named in metric_tags
    tokens = {p.attributes["gen_ai.token.type"]: p.sum for p in found["gen_ai.client.token.usage"]}
    assert tokens == {"input": 9, "output": 3}
    (cost,) = found["gptkit.client.cost"]
    assert cost.value == pytest.approx(float(result.cost.total))
    assert "gen_ai.client.operation.time_to_first_chunk" not in found  # not a stream


async def test_retries_errors_and_limiter_waits(kind: str) -> None:
    otel = Telemetry()
    policy = gptkit.RetryPolicy(max_attempts=2, _random=top_jitter)
    rate = gptkit.RateLimit(rpm=60, window=1.0, jitter=0.0)  # one request a second
    client = client_of(kind, Recorder(timed(500), timed(503)), retry=policy, rate_limit=rate)
    otel.instrument(client)
    with VirtualClock() as clock, pytest.raises(gptkit.InternalServerError):
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    await close(client)
    # The backoff, then the rest of the limiter's second, counted from the first answer.
    assert clock.sleeps == [0.5, 0.5]
    (span,) = otel.spans.get_finished_spans()
    assert span.status.status_code is StatusCode.ERROR
    assert span.status.description is not None and span.status.description.startswith("InternalServerError")
    attrs = dict(span.attributes or {})
    assert (attrs["error.type"], attrs["http.response.status_code"], attrs["gptkit.retries"]) == (
        "InternalServerError", 503, 1)
    assert [e.name for e in span.events] == ["gptkit.retry", "gptkit.rate_limit_wait"]
    retry = dict(span.events[0].attributes or {})
    assert retry == {"gptkit.attempt": 1, "error.type": "InternalServerError", "gptkit.retry.wait": 0.5,
                     "gptkit.retry.reason": "500 some_code", "http.response.status_code": 500}
    assert dict(span.events[1].attributes or {}) == {"gptkit.attempt": 2, "gptkit.wait": 0.5}
    found = otel.metrics()
    (duration,) = found["gen_ai.client.operation.duration"]
    assert duration.attributes["error.type"] == "InternalServerError"
    assert duration.sum == 2 * LATENCY + 0.5 + 0.5
    (retries,) = found["gptkit.client.retries"]
    assert retries.value == 1
    (waits,) = found["gptkit.client.rate_limit.wait"]
    assert (waits.count, waits.sum) == (1, 0.5)
    assert "gen_ai.client.token.usage" not in found


async def test_stream_records_time_to_first_chunk(kind: str) -> None:
    otel = Telemetry()
    client = client_of(kind, Recorder(streamed(*stream_parts())))
    otel.instrument(client)
    with VirtualClock():
        stream = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, stream=True)
        assert otel.spans.get_finished_spans() == ()  # open until the stream ends
        if kind == "sync":
            list(stream)
        else:
            _ = [chunk async for chunk in stream]
    await close(client)
    (span,) = otel.spans.get_finished_spans()
    assert [e.name for e in span.events] == ["gptkit.first_chunk"]
    assert dict(span.attributes or {})["gen_ai.usage.output_tokens"] == 3
    (ttfc,) = otel.metrics()["gen_ai.client.operation.time_to_first_chunk"]
    assert ttfc.count == 1 and ttfc.sum == LATENCY + EVENT_GAP


async def test_embeddings_and_azure_provider() -> None:
    otel = Telemetry()
    body = {"object": "list", "model": "text-embedding-3-small",
            "data": [{"object": "embedding", "index": 0, "embedding": [0.5]}],
            "usage": {"prompt_tokens": 2, "total_tokens": 2}}
    rec = Recorder(httpx.Response(200, json=body), httpx.Response(200, json={"object": "list", "data": []}))
    client = gptkit.AzureClient(azure_endpoint="https://res.openai.azure.com", api_version="2024-10-21",
                                api_key="azure-key", transport=rec.transport)
    otel.instrument(client)
    client.embeddings.create(model="emb-deploy", input="hello")
    client.models.list()  # not a GenAI operation: no span
    client.close()
    (span,) = otel.spans.get_finished_spans()
    assert span.name == "embeddings emb-deploy"
    attrs = dict(span.attributes or {})
    assert (attrs["gen_ai.provider.name"], attrs["gen_ai.system"]) == ("azure.ai.openai", "az.ai.openai")
    assert (attrs["server.address"], attrs["gen_ai.usage.input_tokens"]) == ("res.openai.azure.com", 2)
    assert attrs["gen_ai.request.encoding_formats"] == ("base64",)
    assert "gen_ai.usage.output_tokens" not in attrs and "gen_ai.response.id" not in attrs
    tokens = otel.metrics()["gen_ai.client.token.usage"]
    assert [p.attributes["gen_ai.token.type"] for p in tokens] == ["input"]


async def test_remove_listener_stops_tracing(kind: str) -> None:
    otel = Telemetry()
    client = client_of(kind, Recorder(httpx.Response(200, json=chat_body())))
    listener = otel.instrument(client)
    await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    client.remove_listener(listener)
    await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    await close(client)
    assert len(otel.spans.get_finished_spans()) == 1


def test_listener_class_is_importable_lazily() -> None:
    from gptkit._observe._otel import OTelListener

    assert gptkit.otel.OTelListener is OTelListener
    with pytest.raises(AttributeError):
        _ = gptkit.otel.Nothing  # type: ignore[attr-defined]


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_using_a_client_without_otel_imports_nothing_from_opentelemetry() -> None:
    code = """
        import sys, httpx, gptkit
        body = {"id": "c", "object": "chat.completion", "created": 1, "model": "gpt-4o",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": "x"}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
        client = gptkit.Client(api_key="sk-x", transport=transport, listeners=[lambda event: None])
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
        client.stats.snapshot()
        print([m for m in sys.modules if m.split(".")[0] == "opentelemetry" or m == "gptkit._observe._otel"])
    """
    assert _run(code) == "[]"


def test_asking_for_otel_without_the_package_says_which_extra() -> None:
    code = """
        import sys
        sys.modules["opentelemetry"] = None  # as if opentelemetry-api were not installed
        import gptkit, gptkit.otel
        client = gptkit.Client(api_key="sk-x")
        try:
            gptkit.otel.instrument(client)
        except ImportError as exc:
            print(type(exc).__name__, "|", exc, "|", client.listeners)
        try:
            gptkit.otel.OTelListener
        except ImportError as exc:
            print("class", "gptkit[otel]" in str(exc))
    """
    first, second = _run(code).splitlines()
    assert first.startswith("ImportError | ") and "pip install 'gptkit[otel]'" in first
    assert first.endswith("| ()")  # nothing was registered
    assert second == "class True"
