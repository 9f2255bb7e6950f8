"""Sans-IO incremental decoder for ``text/event-stream`` (server-sent events).

Bytes go in as they arrive from the network, in pieces of any size; complete events come out.
The rules are the WHATWG HTML "event stream interpretation": UTF-8 with a leading BOM dropped,
lines ended by CRLF, LF or CR, ``:`` comments, the ``event``/``data``/``id``/``retry`` fields,
and a blank line to dispatch. Nothing here reads a socket, so the sync and async streams share it.

Why it is shaped this way:

- A multi-byte character split across reads is held back until its last byte arrives (the
  C-level ``codecs.utf_8_decode`` in incremental mode, without the Python wrapper), and a CR
  that ends one read while its LF starts the next is remembered (``_skip_lf``), so the events do
  not depend on how the bytes were cut.
- A line is dispatched as soon as its terminator arrives (a lone CR too), so events are never
  delayed until the next read.
- The text of each read is scanned once with C-level ``str`` methods; an unfinished line is kept
  as a list of pieces and joined once, so a huge event costs linear time, with no size limit.
- ``single`` is the hot path of an OpenAI stream, where most reads are exactly one
  ``data: {...}`` line and its blank line: it checks that with a few ``bytes`` methods and hands
  back the data, with no line splitting and no event object (the stream core validates it at
  once). Anything else goes through ``feed``.
"""

from __future__ import annotations

from codecs import utf_8_decode as _utf_8_decode

__all__ = ["SSEDecoder", "ServerSentEvent"]


class ServerSentEvent:
    """One dispatched event: its type, data, last event id and ``retry`` (when it set one)."""

    __slots__ = ("data", "event", "id", "retry")

    def __init__(
        self, data: str = "", event: str = "message", id: str = "", retry: int | None = None
    ) -> None:
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServerSentEvent):
            return NotImplemented
        mine = (self.data, self.event, self.id, self.retry)
        return mine == (other.data, other.event, other.id, other.retry)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r}, "
                f"retry={self.retry!r})")


class SSEDecoder:
    """Incremental event-stream decoder: ``feed(bytes) -> events``, then ``end()``.

    ``last_event_id`` and ``retry`` (the reconnection time in milliseconds) persist across events
    as the standard says. After ``end()``, ``incomplete`` holds the event whose blank line never
    came (the standard discards it; a caller may inspect it, e.g. for a final ``[DONE]``).
    """

    __slots__ = ("_data", "_event", "_retry_set", "_skip_lf", "_started", "_tail", "_undecoded",
                 "incomplete", "last_event_id", "retry")

    def __init__(self) -> None:
        self._undecoded = b""  # the first bytes of a character that continues in the next read
        self._started = False  # whether any text was decoded (a BOM can only come first)
        self._tail: list[str] = []  # pieces of the line that has not ended yet
        self._skip_lf = False  # the previous text ended with CR: a leading LF belongs to it
        self._data: list[str] = []
        self._event = ""
        self._retry_set: int | None = None
        self.last_event_id = ""
        self.retry: int | None = None
        self.incomplete: ServerSentEvent | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode one read's bytes; returns the events completed by them (often none or one)."""
        if self._undecoded:
            chunk = self._undecoded + chunk
        text, used = _utf_8_decode(chunk, "replace", False)
        self._undecoded = chunk[used:] if used < len(chunk) else b""
        if not text:
            return []
        if not self._started:
            self._started = True
            if text[0] == "\ufeff":
                text = text[1:]
        return self._feed_text(text)

    def single(self, chunk: bytes) -> str | None:
        """The data of the event that is exactly this read, else None (then ``feed`` the read).

        Exactly: nothing is pending (no partial line, character or event) and the read is one
        ``data: ...`` line and a blank line, ended by LF. The event is then a plain ``message``
        whose data is that line's; the result and the decoder's state are what ``feed`` would
        give, without its work.
        """
        if (
            chunk[:6] == b"data: "
            and chunk.find(b"\n", 6) == len(chunk) - 2
            and chunk[-1:] == b"\n"
            and self._started
            and not (self._undecoded or self._tail or self._data or self._event or self._skip_lf)
            and self._retry_set is None
            and b"\r" not in chunk
        ):
            return chunk[6:-2].decode("utf-8", "replace")
        return None

    def end(self) -> list[ServerSentEvent]:
        """Signal end of input: returns any last events and sets ``incomplete``."""
        text = _utf_8_decode(self._undecoded, "replace", True)[0] if self._undecoded else ""
        self._undecoded = b""
        if text and not self._started:
            self._started = True
            text = text.removeprefix("\ufeff")
        events = self._feed_text(text)
        tail = "".join(self._tail)
        self._tail = []
        if tail:
            # The standard drops an unterminated line; process it only to fill ``incomplete``.
            self._line(tail)
        if self._data:
            self.incomplete = self._make_event()
        self._data = []
        self._event = ""
        self._retry_set = None
        return events

    def _feed_text(self, text: str) -> list[ServerSentEvent]:
        events: list[ServerSentEvent] = []
        if not text:
            return events
        if self._skip_lf:
            self._skip_lf = False
            if text[0] == "\n":
                text = text[1:]
                if not text:
                    return events
        if "\r" in text:
            self._skip_lf = text[-1] == "\r"
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        if len(lines) == 1:  # no line ended in this read
            self._tail.append(text)
            return events
        if self._tail:
            self._tail.append(lines[0])
            lines[0] = "".join(self._tail)
            self._tail = []
        last = lines.pop()
        if last:
            self._tail.append(last)
        data = self._data
        for line in lines:
            # The hot path of an OpenAI stream: "data: {...}" then a blank line.
            if line.startswith("data: "):
                data.append(line[6:])
            elif not line:
                if data:
                    events.append(self._make_event())
                    data = self._data = []
                    self._event = ""
                    self._retry_set = None
                else:
                    self._event = ""
                    self._retry_set = None
            else:
                self._line(line)
        return events

    def _make_event(self) -> ServerSentEvent:
        data = self._data
        return ServerSentEvent(
            data[0] if len(data) == 1 else "\n".join(data),
            self._event or "message",
            self.last_event_id,
            self._retry_set,
        )

    def _line(self, line: str) -> None:
        """A non-blank line other than ``data: ...`` (the slow path)."""
        if line[0] == ":":
            return  # a comment (also used as a keep-alive)
        colon = line.find(":")
        if colon < 0:
            name, value = line, ""
        else:
            name, value = line[:colon], line[colon + 1 :]
            if value[:1] == " ":
                value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\0" not in value:
                self.last_event_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self.retry = self._retry_set = int(value)
        # any other field is ignored, as the standard says
