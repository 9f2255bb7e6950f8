"""How one endpoint's event stream is read: the pluggable part of the stream core (sans-IO).

The stream core (``_core.StreamCore``) runs one loop for every streamed endpoint: decode
server-sent events, validate each into its typed event, accumulate, hand the caller what it
should see, and know when the stream is complete or broken. What differs between endpoints is
declared by a ``StreamProtocol`` on the ``Endpoint`` (``Endpoint.stream_protocol``):

- chat and legacy completions (``ChunkProtocol``, the default): ``data:`` chunks ending with a
  ``[DONE]`` marker, errors as an ``event: error`` or a ``{"error": ...}`` chunk, gptkit's own
  usage chunk hidden;
- the Responses API (``gptkit._streams._responses_protocol``): typed events named on ``event:``
  lines, no ``[DONE]``, ended by ``response.completed`` / ``.incomplete`` / ``.failed`` or an
  ``error`` event, and resumable after a cut (``starting_after``).

A protocol is stateless and shared by every stream of its endpoint; what one stream builds up
lives in the accumulator it makes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, ClassVar

from gptkit._streams._accumulate import accumulator_for

__all__ = ["COMPLETE", "ERROR", "FAILED", "ChunkProtocol", "StreamProtocol", "protocol_for"]

#: What an event does to its stream (``StreamProtocol.ending``): ends it complete; ends it with a
#: final object that is a failure (accounted, then raised); ends it with an error and no final
#: object (the partial answer is accounted as for a cut).
COMPLETE, FAILED, ERROR = "complete", "failed", "error"


class StreamProtocol:
    """The endpoint-specific rules of a stream; subclasses override what differs.

    The defaults describe a stream of one chunk type: no end marker, nothing hidden, no event
    that ends the stream by itself, no resumption.
    """

    #: Whether a ``data: [DONE]`` event ends the stream.
    done_marker: ClassVar[bool] = False
    #: How the end of a complete stream is named in the error for an early end.
    end_name: ClassVar[str] = "its last event"
    #: Whether a cut stream may be picked up again (``resume_point``, ``resume_request``).
    resumable: ClassVar[bool] = False

    def validator(self) -> Callable[[str], Any]:
        """The function validating one event's JSON text into its typed event."""
        raise NotImplementedError

    def new_accumulator(self) -> Any:
        """A fresh accumulator (``add(event)``, ``final()``) for one stream, or None."""
        return None

    def raises_event(self, name: str) -> bool:
        """Whether a server-sent event named ``name`` (its ``event:`` line) is an error raised as
        is, before validation."""
        return False

    def is_error(self, chunk: Any) -> bool:
        """Whether a validated chunk is an error to raise (not an event to show)."""
        return False

    def shown(self, chunk: Any, usage_requested_by_us: bool) -> Any:
        """The chunk as the caller sees it, or None when the caller should not see it (it still
        counts for the final object)."""
        return chunk

    def replayed(self, chunk: Any, accumulator: Any) -> bool:
        """Whether the stream already delivered this event (after a resumption): skipped.

        This hook and ``ending`` are not called at all when a protocol keeps the defaults."""
        return False

    def ending(self, chunk: Any) -> str | None:
        """``COMPLETE``, ``FAILED`` or ``ERROR`` when this event ends the stream, else None."""
        return None

    def failure(self, chunk: Any, received: list[Any], final: Any) -> Exception:
        """The typed error for an event that ends the stream as ``FAILED`` or ``ERROR``."""
        raise NotImplementedError

    def resume_point(self, accumulator: Any) -> tuple[str, int] | None:
        """Where a cut stream can be picked up again (an id and the last event's number), or None."""
        return None

    def resume_request(self, ident: str, after: int) -> tuple[str, dict[str, Any]]:
        """The path and query of the ``GET`` that streams ``ident`` again after event ``after``."""
        raise NotImplementedError


class ChunkProtocol(StreamProtocol):
    """Chat completions and legacy completions: chunks up to ``[DONE]``."""

    done_marker = True
    end_name = "its [DONE] marker"

    def __init__(self, chunk_type: Any) -> None:
        self._chunk_type = chunk_type

    def validator(self) -> Callable[[str], Any]:
        # The compiled validator itself: validating the event's JSON text in one Rust call is the
        # hot path, with no intermediate dict. (Attribute access builds a deferred model.)
        validate: Callable[[str], Any] = self._chunk_type.__pydantic_validator__.validate_json
        return validate

    def new_accumulator(self) -> Any:
        return accumulator_for(self._chunk_type)

    def raises_event(self, name: str) -> bool:
        return name == "error"

    def is_error(self, chunk: Any) -> bool:
        extra = chunk.__pydantic_extra__
        return bool(extra and extra.get("error"))

    def shown(self, chunk: Any, usage_requested_by_us: bool) -> Any:
        if usage_requested_by_us:
            if chunk.usage is None:
                # With ``include_usage`` the server sends ``"usage": null`` on every chunk; a
                # caller who did not ask for it gets chunks without the key (as the official
                # client prints them: ``to_json()`` and ``model_dump(exclude_unset=True)`` leave
                # it out).
                chunk.__pydantic_fields_set__.discard("usage")
            elif not chunk.choices:
                return None  # the usage-only last chunk that gptkit asked for: recorded, not shown
        return chunk


_DEFAULTS: dict[Any, ChunkProtocol] = {}


def protocol_for(endpoint: Any) -> StreamProtocol:
    """The protocol of ``endpoint``'s streams: the one it declares, else chunks of its type."""
    declared: StreamProtocol | str | None = endpoint.stream_protocol
    if isinstance(declared, str):  # "module:NAME", imported by the endpoint's first stream
        module, _, name = declared.partition(":")
        named: StreamProtocol = getattr(importlib.import_module(module), name)
        return named
    if declared is not None:
        return declared
    declared_type = endpoint.chunk or endpoint.response  # a model, an EventUnion, or "module:Name"
    protocol = _DEFAULTS.get(declared_type)
    if protocol is None:
        chunk_type = declared_type
        if isinstance(chunk_type, str):  # named, to be imported by the first stream (Endpoint.chunk)
            module, _, name = chunk_type.partition(":")
            chunk_type = getattr(importlib.import_module(module), name)
        protocol = _DEFAULTS[declared_type] = ChunkProtocol(chunk_type)
    return protocol
