"""Streams: the SSE decoder, the sans-IO stream core, the sync and async shells, the
accumulators, the chat stream managers and the garbage-collection safety net."""

__all__: list[str] = []
