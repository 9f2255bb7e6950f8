"""The OpenTelemetry listener: GenAI spans and metrics from gptkit's call events.

Imported only by ``gptkit.otel`` (so only with the ``otel`` extra installed). Names follow the
OpenTelemetry semantic conventions for generative AI: one CLIENT span per logical call named
``{gen_ai.operation.name} {gen_ai.request.model}`` and covering every retry, the
``gen_ai.client.operation.duration``, ``gen_ai.client.token.usage`` and
``gen_ai.client.operation.time_to_first_chunk`` histograms, plus gptkit's own cost counter,
retry counter and limiter-wait histogram (``gptkit.client.*``).
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from opentelemetry import metrics, trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode

from gptkit._observe._events import (
    FirstChunk,
    Listener,
    RateLimitWait,
    RequestEnd,
    RequestError,
    RequestRetry,
    RequestStart,
)
from gptkit._version import __version__

__all__ = ["OTelListener"]

_DURATION_BUCKETS = (0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92)
_TTFC_BUCKETS = (0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)
_TOKEN_BUCKETS = tuple(float(4**i) for i in range(14))  # 1, 4, 16 ... 67108864
#: gptkit's provider ids -> gen_ai.provider.name (and the older gen_ai.system) values.
_PROVIDERS = {"azure": ("azure.ai.openai", "az.ai.openai")}
_REQUEST_ATTRIBUTES = {
    "temperature": "gen_ai.request.temperature",
    "top_p": "gen_ai.request.top_p",
    "max_tokens": "gen_ai.request.max_tokens",
    "max_completion_tokens": "gen_ai.request.max_tokens",
    "frequency_penalty": "gen_ai.request.frequency_penalty",
    "presence_penalty": "gen_ai.request.presence_penalty",
    "seed": "gen_ai.request.seed",
    "service_tier": "openai.request.service_tier",
    "dimensions": "gen_ai.embeddings.dimension.count",
}
#: Spans left open this long (streams never read nor closed) are ended to bound memory.
_MAX_OPEN = 100_000


@dataclass
class _Open:
    span: Span
    attributes: dict[str, Any]


class OTelListener(Listener):
    """Turns call events into OpenTelemetry spans and metrics.

    ``tracer_provider`` / ``meter_provider`` default to the global ones. ``metric_tags`` names
    call tags (``tags={"route": ...}``) to add to metric attributes as ``gptkit.tag.<name>``;
    every tag goes on the span, but only these on metrics, to keep their cardinality bounded.
    Only GenAI operations (chat, text completions, embeddings) are traced; ``models.list`` and
    other bookkeeping calls are not.
    """

    def __init__(
        self,
        *,
        tracer_provider: trace.TracerProvider | None = None,
        meter_provider: metrics.MeterProvider | None = None,
        metric_tags: Collection[str] = (),
    ) -> None:
        self._tracer = trace.get_tracer("gptkit", __version__, tracer_provider)
        meter = metrics.get_meter("gptkit", __version__, meter_provider)
        self._duration = _histogram(meter, "gen_ai.client.operation.duration", "s",
                                    "GenAI operation duration.", _DURATION_BUCKETS)
        self._tokens = _histogram(meter, "gen_ai.client.token.usage", "{token}",
                                  "Number of input and output tokens used.", _TOKEN_BUCKETS)
        self._ttfc = _histogram(meter, "gen_ai.client.operation.time_to_first_chunk", "s",
                                "Time to receive the first chunk of a streamed response.", _TTFC_BUCKETS)
        self._limiter_wait = _histogram(meter, "gptkit.client.rate_limit.wait", "s",
                                        "Time an attempt waited for the client-side rate limiter.",
                                        _DURATION_BUCKETS)
        self._cost = meter.create_counter("gptkit.client.cost", unit="USD",
                                          description="Dollars spent, from usage and the price table.")
        self._retries = meter.create_counter("gptkit.client.retries", unit="{retry}",
                                             description="Attempts that failed and were retried.")
        self._metric_tags = tuple(metric_tags)
        self._open: dict[int, _Open] = {}
        self._lock = threading.Lock()

    # -- events -------------------------------------------------------------------------------

    def on_request_start(self, event: RequestStart) -> None:
        if event.operation is None:
            return
        provider, system = _PROVIDERS.get(event.provider or "openai", (event.provider or "openai",) * 2)
        metric_attributes: dict[str, Any] = {
            "gen_ai.operation.name": event.operation,
            "gen_ai.provider.name": provider,
            "gen_ai.system": system,
            "server.address": event.server_address,
        }
        if event.server_port is not None:
            metric_attributes["server.port"] = event.server_port
        if event.model:
            metric_attributes["gen_ai.request.model"] = event.model
        for name in self._metric_tags:
            if name in event.tags:
                metric_attributes[f"gptkit.tag.{name}"] = event.tags[name]
        attributes = {**metric_attributes, **_request_attributes(event.params)}
        for name, value in event.tags.items():
            attributes[f"gptkit.tag.{name}"] = value
        span_name = f"{event.operation} {event.model}" if event.model else event.operation
        span = self._tracer.start_span(span_name, kind=SpanKind.CLIENT, attributes=attributes)
        with self._lock:
            self._open[event.call_id] = _Open(span, metric_attributes)
            stale = next(iter(self._open)) if len(self._open) > _MAX_OPEN else None
            lost = self._open.pop(stale) if stale is not None else None
        if lost is not None:
            lost.span.set_attribute("gptkit.abandoned", True)
            lost.span.end()

    def on_retry(self, event: RequestRetry) -> None:
        call = self._open.get(event.call_id)
        if call is None:
            return
        attributes: dict[str, Any] = {"gptkit.attempt": event.attempt, "error.type": event.error_type,
                                      "gptkit.retry.wait": event.wait, "gptkit.retry.reason": event.reason}
        if event.status is not None:
            attributes["http.response.status_code"] = event.status
        call.span.add_event("gptkit.retry", attributes)
        self._retries.add(1, call.attributes)

    def on_rate_limit_wait(self, event: RateLimitWait) -> None:
        call = self._open.get(event.call_id)
        if call is None:
            return
        call.span.add_event("gptkit.rate_limit_wait",
                            {"gptkit.attempt": event.attempt, "gptkit.wait": event.wait})
        self._limiter_wait.record(event.wait, call.attributes)

    def on_first_chunk(self, event: FirstChunk) -> None:
        call = self._open.get(event.call_id)
        if call is None:
            return
        call.span.add_event("gptkit.first_chunk", {"gptkit.time_to_first_chunk": event.time_to_first_chunk})
        self._ttfc.record(event.time_to_first_chunk, call.attributes)

    def on_request_end(self, event: RequestEnd) -> None:
        with self._lock:
            call = self._open.pop(event.call_id, None)
        if call is None:
            return
        span, attributes = call.span, dict(call.attributes)
        if event.response_model:
            attributes["gen_ai.response.model"] = event.response_model
        result: dict[str, Any] = {"gen_ai.response.model": event.response_model,
                                  "gen_ai.response.id": event.response_id,
                                  "gen_ai.usage.input_tokens": event.input_tokens,
                                  "gen_ai.usage.output_tokens": event.output_tokens,
                                  "gptkit.retries": event.retries,
                                  "gptkit.request_id": event.request_id}
        if event.finish_reasons:
            result["gen_ai.response.finish_reasons"] = list(event.finish_reasons)
        if event.cost is not None:
            result["gptkit.cost.usd"] = float(event.cost.total)
        if event.abandoned:
            result["gptkit.abandoned"] = True
        if event.time_to_first_chunk is not None:
            result["gptkit.time_to_first_chunk"] = event.time_to_first_chunk
        span.set_attributes({k: v for k, v in result.items() if v is not None})
        span.end()
        self._duration.record(event.duration, attributes)
        if event.input_tokens is not None:
            self._tokens.record(event.input_tokens, {**attributes, "gen_ai.token.type": "input"})
        if event.output_tokens is not None:
            self._tokens.record(event.output_tokens, {**attributes, "gen_ai.token.type": "output"})
        if event.cost is not None:
            self._cost.add(float(event.cost.total), attributes)

    def on_request_error(self, event: RequestError) -> None:
        with self._lock:
            call = self._open.pop(event.call_id, None)
        if call is None:
            return
        span = call.span
        attributes = {**call.attributes, "error.type": event.error_type}
        extra: dict[str, Any] = {"error.type": event.error_type, "gptkit.retries": event.retries}
        if event.status is not None:
            extra["http.response.status_code"] = event.status
        if event.request_id is not None:
            extra["gptkit.request_id"] = event.request_id
        span.set_attributes(extra)
        span.set_status(Status(StatusCode.ERROR, f"{event.error_type}: {event.error_message}"))
        span.end()
        self._duration.record(event.duration, attributes)


def _request_attributes(params: Mapping[str, Any]) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    for key, value in params.items():
        name = _REQUEST_ATTRIBUTES.get(key)
        if name is not None and isinstance(value, (int, float, str)) and not isinstance(value, bool):
            attributes[name] = value
    n = params.get("n")
    if isinstance(n, int) and n != 1:
        attributes["gen_ai.request.choice.count"] = n
    stop = params.get("stop")
    if isinstance(stop, str):
        attributes["gen_ai.request.stop_sequences"] = [stop]
    elif isinstance(stop, list) and all(isinstance(s, str) for s in stop):
        attributes["gen_ai.request.stop_sequences"] = stop
    encoding = params.get("encoding_format")
    if isinstance(encoding, str):
        attributes["gen_ai.request.encoding_formats"] = [encoding]
    response_format = params.get("response_format")
    if response_format in ("json_object", "json_schema"):
        attributes["gen_ai.output.type"] = "json"
    elif response_format == "text":
        attributes["gen_ai.output.type"] = "text"
    return attributes


def _histogram(meter: metrics.Meter, name: str, unit: str, description: str,
               buckets: Sequence[float]) -> metrics.Histogram:
    try:  # bucket advice came in opentelemetry-api 1.23; older versions use the SDK's defaults
        return meter.create_histogram(name, unit=unit, description=description,
                                      explicit_bucket_boundaries_advisory=buckets)
    except TypeError:  # pragma: no cover - depends on the installed API version
        return meter.create_histogram(name, unit=unit, description=description)
