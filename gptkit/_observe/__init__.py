"""Observability: call traces, events and listeners, live stats, OpenTelemetry."""

__all__: list[str] = []
