"""OpenTelemetry traces and metrics for gptkit clients (the optional ``gptkit[otel]`` extra).

Off unless you turn it on, per client::

    import gptkit, gptkit.otel

    client = gptkit.Client()
    gptkit.otel.instrument(client)          # global tracer and meter providers
    # or: gptkit.Client(listeners=[gptkit.otel.OTelListener(tracer_provider=tp, meter_provider=mp)])

Spans and metrics follow the OpenTelemetry GenAI semantic conventions (docs/observability.md).
Importing this module needs nothing; using it needs ``opentelemetry-api`` (``pip install
'gptkit[otel]'``), and ``import gptkit`` alone never imports OpenTelemetry.
"""

from __future__ import annotations

from collections.abc import Collection
from types import ModuleType
from typing import TYPE_CHECKING, Any

from gptkit._optional import require

if TYPE_CHECKING:
    from opentelemetry.metrics import MeterProvider
    from opentelemetry.trace import TracerProvider

    from gptkit import AsyncClient, Client
    from gptkit._observe._otel import OTelListener

__all__ = ["OTelListener", "instrument"]


def _implementation() -> ModuleType:
    require("opentelemetry.trace", extra="otel", feature="gptkit's OpenTelemetry support")
    from gptkit._observe import _otel

    return _otel


def instrument(
    client: Client | AsyncClient,
    *,
    tracer_provider: TracerProvider | None = None,
    meter_provider: MeterProvider | None = None,
    metric_tags: Collection[str] = (),
) -> OTelListener:
    """Trace and measure every call of ``client`` (and of its ``with_options`` copies).

    Returns the listener; ``client.remove_listener(listener)`` turns it off again. Raises
    ``ImportError`` naming the ``gptkit[otel]`` extra when OpenTelemetry is not installed.
    """
    listener: OTelListener = _implementation().OTelListener(
        tracer_provider=tracer_provider, meter_provider=meter_provider, metric_tags=metric_tags
    )
    client.add_listener(listener)
    return listener


def __getattr__(name: str) -> Any:
    if name == "OTelListener":
        return _implementation().OTelListener
    raise AttributeError(f"module 'gptkit.otel' has no attribute {name!r}")
