"""Streams: the SSE decoder, the sans-IO stream core and the per-endpoint stream protocols (chat's
``[DONE]`` chunks, the Responses API's named events), the sync and async shells and their
resumption, the accumulators, the chat and Responses stream managers and the garbage-collection
safety net."""

__all__: list[str] = []
