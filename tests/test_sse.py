"""The incremental SSE decoder: the standard's rules, and independence from how bytes are split."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gptkit._streams._sse import ServerSentEvent, SSEDecoder


def decode_all(*reads: bytes) -> tuple[list[ServerSentEvent], ServerSentEvent | None]:
    decoder = SSEDecoder()
    events: list[ServerSentEvent] = []
    for read in reads:
        events.extend(decoder.feed(read))
    events.extend(decoder.end())
    return events, decoder.incomplete


def reference(stream: bytes) -> list[ServerSentEvent]:
    """A deliberately naive, whole-input reading of the WHATWG rules, to check the decoder against."""
    text = stream.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = re.split(r"\r\n|\r|\n", text)
    lines.pop()  # the text after the last line end is not a line
    events: list[ServerSentEvent] = []
    data, event_type, last_id, retry_set = "", "", "", None
    for line in lines:
        if line == "":
            if data:
                events.append(ServerSentEvent(data[:-1] if data.endswith("\n") else data,
                                              event_type or "message", last_id, retry_set))
            data, event_type, retry_set = "", "", None
            continue
        if line.startswith(":"):
            continue
        name, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if name == "data":
            data += value + "\n"
        elif name == "event":
            event_type = value
        elif name == "id" and "\0" not in value:
            last_id = value
        elif name == "retry" and value and all(c in "0123456789" for c in value):
            retry_set = int(value)
    return events


def test_basic_openai_shape() -> None:
    events, incomplete = decode_all(b'data: {"a":1}\n\ndata: [DONE]\n\n')
    assert [e.data for e in events] == ['{"a":1}', "[DONE]"]
    assert all(e.event == "message" for e in events)
    assert incomplete is None


def test_fields_comments_and_multiline_data() -> None:
    stream = (b": keep-alive\r\nevent: update\r\nid: 7\r\nretry: 1500\r\ndata: one\r\ndata:two\r\n"
              b"data\r\nunknown: x\r\n\r\ndata: next\n\n")
    events, _ = decode_all(stream)
    assert events == [
        ServerSentEvent("one\ntwo\n", "update", "7", 1500),
        ServerSentEvent("next", "message", "7", None),  # the id persists, the type and retry do not
    ]


def test_cr_only_line_ends_dispatch_without_waiting_for_more_input() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\r\r") == [ServerSentEvent("a")]
    # the LF that follows belongs to nothing (a new empty line would be a second CR/LF)
    assert decoder.feed(b"\ndata: b\r\n\r\n") == [ServerSentEvent("b")]


def test_crlf_split_across_reads_is_one_line_end() -> None:
    events, _ = decode_all(b"data: a\r", b"\n", b"\r", b"\ndata: b\r", b"\n\r\n")
    assert [e.data for e in events] == ["a", "b"]


def test_utf8_character_split_across_reads() -> None:
    raw = "data: héllo €𝄞\n\n".encode()
    reads = [raw[i : i + 1] for i in range(len(raw))]
    events, _ = decode_all(*reads)
    assert [e.data for e in events] == ["héllo €𝄞"]


def test_bom_is_dropped_once_even_when_split() -> None:
    events, _ = decode_all(b"\xef\xbb", b"\xbfdata: x\n\n\xef\xbb\xbfdata: y\n\n")
    # Only the first BOM is dropped; the second starts an unknown field "\ufeffdata", ignored.
    assert events == [ServerSentEvent("x")]


def test_invalid_utf8_becomes_replacement_character() -> None:
    events, _ = decode_all(b"data: \xff\xfe\n\n")
    assert events[0].data == "\ufffd\ufffd"


def test_event_without_data_is_not_dispatched_and_id_rules() -> None:
    events, _ = decode_all(b"event: x\nid: 1\n\nid: bad\0id\ndata: d\n\nretry: soon\ndata: e\n\n")
    assert events == [ServerSentEvent("d", "message", "1"), ServerSentEvent("e", "message", "1")]


def test_unterminated_event_is_incomplete_not_dispatched() -> None:
    events, incomplete = decode_all(b"data: [DONE]")
    assert events == []
    assert incomplete == ServerSentEvent("[DONE]")
    events, incomplete = decode_all(b'data: {"partial": \n')
    assert events == []
    assert incomplete is not None and incomplete.data == '{"partial": '


def test_huge_event_in_many_reads_is_linear() -> None:
    piece = b"x" * 1000
    decoder = SSEDecoder()
    decoder.feed(b"data: ")
    for _ in range(5000):  # 5 MB in one line: quadratic joining would take far too long
        assert decoder.feed(piece) == []
    events = decoder.feed(b"\n\n")
    assert len(events) == 1 and len(events[0].data) == 5_000_000


# -- properties ------------------------------------------------------------------------------

_values = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=12)
_line = st.one_of(
    st.builds(lambda v: "data: " + v, _values),
    st.builds(lambda v: "data:" + v, _values),
    st.just("data"),
    st.builds(lambda v: "event: " + v, _values),
    st.builds(lambda v: "id: " + v, _values),
    st.builds(lambda v: "retry: " + v, st.one_of(st.from_regex(r"\A[0-9]{1,5}\Z"), _values)),
    st.builds(lambda v: ":" + v, _values),
    st.builds(lambda v: v, _values),
    st.just(""),
)
_ending = st.sampled_from(["\n", "\r", "\r\n"])


@st.composite
def event_streams(draw: st.DrawFn) -> bytes:
    """Valid event streams: random lines and fields, any line ending, ending with a blank line."""
    lines = draw(st.lists(st.tuples(_line, _ending), max_size=25))
    out: list[str] = []
    previous_cr = False
    for line, ending in [*lines, ("", "\n")]:
        if previous_cr and line == "" and ending.startswith("\n"):
            ending = "\r"  # CR then an empty LF-ended line would read as one CRLF
        out.append(line + ending)
        previous_cr = ending == "\r"
    prefix = "\ufeff" if draw(st.booleans()) else ""
    return (prefix + "".join(out)).encode()


@st.composite
def splits(draw: st.DrawFn, data: bytes) -> list[bytes]:
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), max_size=12)))
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(data[start:cut])
        start = cut
    pieces.append(data[start:])
    return pieces


@settings(max_examples=400, deadline=None)
@given(st.data(), event_streams())
def test_any_split_of_a_valid_stream_gives_the_same_events(data: st.DataObject, stream: bytes) -> None:
    whole, _ = decode_all(stream)
    assert whole == reference(stream)
    pieces = data.draw(splits(stream))
    assert decode_all(*pieces)[0] == whole
    one_byte_reads = [stream[i : i + 1] for i in range(len(stream))]
    assert decode_all(*one_byte_reads)[0] == whole


_fragments = st.one_of(
    st.sampled_from([b"data: ", b"data:", b"data", b"event: e", b"id: 1", b"retry: 12", b":", b"\r", b"\n",
                     b"\r\n", b"\xe2\x82", b"\xac", b"\xf0\x9d\x84\x9e", b"\xef\xbb\xbf", b"\x00", b" "]),
    st.binary(max_size=6),
)


@settings(max_examples=400, deadline=None)
@given(st.data(), st.lists(_fragments, max_size=40).map(b"".join))
def test_any_bytes_any_split_match_the_reference(data: st.DataObject, stream: bytes) -> None:
    # Arbitrary bytes too: invalid UTF-8, stray CRs, NULs and cuts inside characters.
    pieces = data.draw(splits(stream))
    assert decode_all(*pieces)[0] == decode_all(stream)[0] == reference(stream)


# -- the one-event path (``single``) that the stream core tries before ``feed`` ----------------


def decode_like_the_core(*reads: bytes) -> list[ServerSentEvent]:
    """What the stream core sees: ``single(read)`` first, ``feed(read)`` when it declines."""
    decoder = SSEDecoder()
    events: list[ServerSentEvent] = []
    for read in reads:
        data = decoder.single(read)
        if data is None:
            events.extend(decoder.feed(read))
        else:
            events.append(ServerSentEvent(data, "message", decoder.last_event_id))
    events.extend(decoder.end())
    return events


def test_single_takes_exactly_one_plain_event_and_declines_the_rest() -> None:
    decoder = SSEDecoder()
    assert decoder.single(b'data: {"a":1}\n\n') is None  # the first read may start with a BOM
    assert decoder.feed(b'data: {"a":1}\n\n') == [ServerSentEvent('{"a":1}')]
    assert decoder.single(b'data: {"b":2}\n\n') == '{"b":2}'
    assert decoder.single(b"data: \xff\n\n") == "\ufffd"  # as feed decodes it
    assert decoder.single(b"data: \n\n") == ""
    for declined in (b"data: a\n\ndata: b\n\n", b"data: a\r\n\r\n", b"data: a\n", b"data:a\n\n",
                     b"event: e\ndata: a\n\n", b"data: a\ndata: b\n\n", b": ping\n\n", b"data: a\n\n\n"):
        assert decoder.single(declined) is None, declined
    decoder.feed(b"event: named\n")  # a pending field belongs to the next event: not a plain one
    assert decoder.single(b"data: x\n\n") is None
    assert decoder.feed(b"data: x\n\n") == [ServerSentEvent("x", "named")]
    decoder.feed(b"data: par")  # a partial line pending
    assert decoder.single(b"data: y\n\n") is None


@settings(max_examples=300, deadline=None)
@given(st.data(), event_streams())
def test_the_cores_path_gives_the_same_events_for_any_split(data: st.DataObject, stream: bytes) -> None:
    whole = decode_all(stream)[0]
    by_event = re.split(b"(?<=\n\n)", stream)  # one read per event where the stream allows it
    assert decode_like_the_core(*by_event) == whole
    assert decode_like_the_core(*data.draw(splits(stream))) == whole


@settings(max_examples=300, deadline=None)
@given(st.data(), st.lists(_fragments, max_size=40).map(b"".join))
def test_the_cores_path_matches_the_reference_on_any_bytes(data: st.DataObject, stream: bytes) -> None:
    expected = reference(stream)
    assert decode_like_the_core(*re.split(b"(?<=\n\n)", stream)) == expected
    assert decode_like_the_core(*data.draw(splits(stream))) == expected
