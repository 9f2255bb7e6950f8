"""The Responses stream accumulator (sans-IO): typed events in, the final ``Response`` out.

A Responses stream announces a response (``response.created``), then each output item
(``response.output_item.added``), the item's parts and their deltas, the item again when it is
done, and ends with the whole response (``response.completed``, ``.failed`` or ``.incomplete``).
That last event is the answer, so ``final()`` returns it as sent. Until it arrives, the items are
rebuilt from what did arrive, so a stream cut midway still yields the partial ``Response`` (the
text so far, ``status`` still ``in_progress``).

Every event carries a ``sequence_number``. The accumulator remembers the last one it took, and
``seen(event)`` tells a replayed event apart: a stream resumed with ``starting_after`` repeats
nothing, and an event delivered twice is applied once. Deltas are appended to lists and joined
once on demand, so a stream is accumulated in linear time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gptkit.types._base import APIObject
from gptkit.types.responses.response import Response

__all__ = ["ResponseAccumulator"]

#: Lifecycle events carrying the response so far, and those carrying the finished one.
_SNAPSHOTS = frozenset({"response.created", "response.in_progress", "response.queued"})
_TERMINAL = frozenset({"response.completed", "response.failed", "response.incomplete"})
#: Hosted-tool progress events (``response.<item type>.<status>``) that set the item's status.
_STATUS_ITEMS = frozenset({
    "web_search_call", "file_search_call", "code_interpreter_call", "image_generation_call", "mcp_call",
    "mcp_list_tools",
})
#: Events streaming one text field of an item: event type prefix -> the field they build.
_ITEM_TEXT = {
    "response.function_call_arguments": "arguments",
    "response.mcp_call_arguments": "arguments",
    "response.custom_tool_call_input": "input",
    "response.code_interpreter_call_code": "code",
}


def _dump(obj: Any) -> dict[str, Any]:
    """What the server sent for a typed object (fields it left out stay out)."""
    if isinstance(obj, APIObject):
        return obj.model_dump(mode="json", exclude_unset=True)
    return dict(obj) if isinstance(obj, dict) else {}


class _Part:
    """A message content part (or a reasoning text / summary part) being streamed."""

    __slots__ = ("annotations", "base", "field", "final", "logprobs", "pieces")

    def __init__(self, base: dict[str, Any], field: str = "text") -> None:
        self.base = base
        self.field = field  # "text", or "refusal" for refusal parts
        self.pieces: list[str] = []
        self.final: str | None = None  # the whole text, once a ``.done`` event sent it
        self.annotations: dict[int, dict[str, Any]] = {}
        self.logprobs: list[Any] = []

    def set(self, base: dict[str, Any]) -> None:
        """The part as a ``.done`` event sent it: authoritative."""
        self.base = base
        self.field = "refusal" if base.get("type") == "refusal" else "text"
        if self.field in base:
            self.final = base[self.field]

    def build(self) -> dict[str, Any]:
        part = dict(self.base)
        part[self.field] = self.final if self.final is not None else "".join(self.pieces)
        if self.annotations:
            known = part.get("annotations") or []
            if len(known) < len(self.annotations):
                part["annotations"] = [self.annotations[i] for i in sorted(self.annotations)]
        if self.logprobs and not part.get("logprobs"):
            part["logprobs"] = self.logprobs
        return part


class _Item:
    """One output item: as announced, its streamed pieces, and as finished (when it is)."""

    __slots__ = ("base", "content", "done", "summary", "texts")

    def __init__(self, base: dict[str, Any]) -> None:
        self.base = base
        self.done = False
        self.content: dict[int, _Part] = {}
        self.summary: dict[int, _Part] = {}
        self.texts: dict[str, list[str] | str] = {}  # field -> pieces, or the final text

    def part(self, index: int, field: str = "text") -> _Part:
        part = self.content.get(index)
        if part is None:
            part = self.content[index] = _Part({"type": "refusal" if field == "refusal" else "output_text"},
                                               field)
        return part

    def summary_part(self, index: int) -> _Part:
        part = self.summary.get(index)
        if part is None:
            part = self.summary[index] = _Part({"type": "summary_text"})
        return part

    def build(self) -> dict[str, Any]:
        if self.done:
            return self.base  # the item as ``output_item.done`` sent it
        item = dict(self.base)
        if self.content:
            kind = "reasoning_text" if item.get("type") == "reasoning" else None
            parts = [self.content[i].build() for i in sorted(self.content)]
            if kind is not None:
                for part in parts:
                    part["type"] = kind
            item["content"] = parts
        if self.summary:
            item["summary"] = [self.summary[i].build() for i in sorted(self.summary)]
        for field, text in self.texts.items():
            item[field] = text if isinstance(text, str) else "".join(text)
        return item


class ResponseAccumulator:
    """Events of one streamed response in, the ``Response`` it amounts to out.

    ``add(event)`` takes each typed event (``gptkit.types.responses.ResponseStreamEvent``);
    ``final()`` is the finished response once a terminal event arrived, else the partial one
    (``snapshot()``); ``done`` says which. ``last_sequence_number`` is where a resumed stream
    starts (``starting_after``). ``error`` holds an ``error`` event, if one came.
    """

    def __init__(self) -> None:
        self._response: Response | None = None
        self._terminal: Response | None = None
        self._items: dict[int, _Item] = {}
        self.last_sequence_number: int | None = None
        self.error: Any = None
        self._handlers: dict[str, Callable[[Any], None]] = {
            "response.output_item.added": self._item_added,
            "response.output_item.done": self._item_done,
            "response.content_part.added": self._part_added,
            "response.content_part.done": self._part_done,
            "response.output_text.delta": self._text_delta,
            "response.output_text.done": self._text_done,
            "response.refusal.delta": self._refusal_delta,
            "response.refusal.done": self._refusal_done,
            "response.reasoning_text.delta": self._text_delta,
            "response.reasoning_text.done": self._text_done,
            "response.output_text.annotation.added": self._annotation,
            "response.reasoning_summary_part.added": self._summary_part,
            "response.reasoning_summary_part.done": self._summary_part,
            "response.reasoning_summary_text.delta": self._summary_delta,
            "response.reasoning_summary_text.done": self._summary_done,
            "error": self._error,
        }

    # -- what the shells ask -------------------------------------------------------------------

    @property
    def done(self) -> bool:
        """Whether the response finished (a ``completed``, ``failed`` or ``incomplete`` event)."""
        return self._terminal is not None

    @property
    def response_id(self) -> str | None:
        """The response's id, once ``response.created`` (or any snapshot) announced it."""
        known = self._terminal or self._response
        return known.id if known is not None and known.id else None

    @property
    def resumable(self) -> bool:
        """Whether the server keeps this response's events (a stored background response), so a
        cut stream can be picked up after ``last_sequence_number``."""
        known = self._response
        return (known is not None and bool(known.background) and getattr(known, "store", None) is not False
                and self._terminal is None and self.last_sequence_number is not None)

    def seen(self, event: Any) -> bool:
        """Whether ``event`` was taken already (a replay after a resumption, or a duplicate)."""
        number = _sequence_number(event)
        last = self.last_sequence_number
        return number is not None and last is not None and number <= last

    # -- events in ------------------------------------------------------------------------------

    def add(self, event: Any) -> None:
        """Take one event; events already taken (by ``sequence_number``) are ignored."""
        if self.seen(event):
            return
        number = _sequence_number(event)
        if number is not None:
            self.last_sequence_number = number
        kind = event.type
        if kind in _SNAPSHOTS:
            self._response = event.response
        elif kind in _TERMINAL:
            self._terminal = event.response
        else:
            handler = self._handlers.get(kind)
            if handler is not None:
                handler(event)
            else:
                self._other(kind, event)

    def _item(self, event: Any) -> _Item:
        index = event.output_index
        item = self._items.get(index)
        if item is None:
            item = self._items[index] = _Item({"type": "message", "id": getattr(event, "item_id", "")})
        return item

    def _item_added(self, event: Any) -> None:
        self._items[event.output_index] = _Item(_dump(event.item))

    def _item_done(self, event: Any) -> None:
        item = self._item(event)
        item.base = _dump(event.item)
        item.done = True

    def _part_added(self, event: Any) -> None:
        base = _dump(event.part)
        field = "refusal" if base.get("type") == "refusal" else "text"
        part = self._item(event).content[event.content_index] = _Part(base, field)
        part.final = None  # the added part's text is empty: deltas build it

    def _part_done(self, event: Any) -> None:
        self._item(event).part(event.content_index).set(_dump(event.part))

    def _text_delta(self, event: Any) -> None:
        part = self._item(event).part(event.content_index)
        part.pieces.append(event.delta)
        logprobs = getattr(event, "logprobs", None)
        if logprobs:
            part.logprobs.extend(_dump(p) for p in logprobs)

    def _text_done(self, event: Any) -> None:
        self._item(event).part(event.content_index).final = event.text

    def _refusal_delta(self, event: Any) -> None:
        self._item(event).part(event.content_index, "refusal").pieces.append(event.delta)

    def _refusal_done(self, event: Any) -> None:
        self._item(event).part(event.content_index, "refusal").final = event.refusal

    def _annotation(self, event: Any) -> None:
        part = self._item(event).part(event.content_index)
        part.annotations[event.annotation_index] = _dump(event.annotation)

    def _summary_part(self, event: Any) -> None:
        part = self._item(event).summary_part(event.summary_index)
        if event.part is not None:
            base = _dump(event.part)
            part.base = {k: v for k, v in base.items() if k != "text"}
            if event.type.endswith(".done"):
                part.final = base.get("text")

    def _summary_delta(self, event: Any) -> None:
        self._item(event).summary_part(event.summary_index).pieces.append(event.delta)

    def _summary_done(self, event: Any) -> None:
        self._item(event).summary_part(event.summary_index).final = event.text

    def _error(self, event: Any) -> None:
        self.error = event

    def _other(self, kind: str, event: Any) -> None:
        """Item text streams (arguments, code...) and hosted-tool progress; the rest is ignored."""
        prefix, _, suffix = kind.rpartition(".")
        field = _ITEM_TEXT.get(prefix)
        if field is not None:
            item = self._item(event)
            if suffix == "delta":
                pieces = item.texts.get(field)
                if not isinstance(pieces, list):
                    pieces = item.texts[field] = []
                pieces.append(event.delta)
            elif suffix == "done":
                final = getattr(event, field, None)
                if isinstance(final, str):
                    item.texts[field] = final
            return
        owner = prefix.removeprefix("response.")
        if owner in _STATUS_ITEMS and isinstance(getattr(event, "output_index", None), int):
            progressing = self._items.get(event.output_index)
            if progressing is not None and not progressing.done:
                progressing.base["status"] = suffix

    # -- the response out -------------------------------------------------------------------------

    def _output(self) -> list[dict[str, Any]]:
        return [self._items[i].build() for i in sorted(self._items)]

    def snapshot(self) -> Response:
        """The response as far as it arrived: the latest announced state with the output so far."""
        base: dict[str, Any] = _dump(self._response) if self._response is not None else {"object": "response"}
        if self._items:
            base["output"] = self._output()
        return Response.model_validate(base)

    def final(self) -> Response:
        """The finished response, or ``snapshot()`` when the stream has not finished."""
        terminal = self._terminal
        if terminal is None:
            return self.snapshot()
        if not terminal.output and self._items:
            # Some servers end with a bare response; the streamed items are the output then.
            return Response.model_validate({**_dump(terminal), "output": self._output()})
        return terminal


def _sequence_number(event: Any) -> int | None:
    """The event's ``sequence_number``, if the server sent one (some compatible servers do not)."""
    if "sequence_number" not in event.model_fields_set:
        return None
    number = event.sequence_number
    return number if isinstance(number, int) else None
