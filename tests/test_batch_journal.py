"""The output files as journal: torn-tail repair, durable appends, locks, sorting."""

from __future__ import annotations

import json
import os
import pathlib

import pytest

import gptkit
from gptkit.batch import BatchFileError
from gptkit.batch._journal import Appender, scan, sort_by_input
from gptkit.batch._records import failure_line, success_line


def _record(custom_id: str) -> bytes:
    return success_line(custom_id, 200, "req_1", b'{"ok":true}')


def test_scan_reads_ids(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(_record("a") + _record("b"))
    result = scan(str(path))
    assert result.ids == {"a", "b"} and result.records == 2 and result.repaired_bytes == 0
    assert scan(str(tmp_path / "missing.jsonl")).ids == set()


@pytest.mark.parametrize("tail", [b'{"id":"x","custom_id":"c","resp', b"\x00\x00\x00\x00", b'{"custom_id": "c"'])
def test_torn_last_line_is_cut_off(tmp_path: pathlib.Path, tail: bytes) -> None:
    path = tmp_path / "out.jsonl"
    good = _record("a") + _record("b")
    path.write_bytes(good + tail)
    result = scan(str(path))
    assert result.ids == {"a", "b"} and result.repaired_bytes == len(tail)
    assert path.read_bytes() == good


def test_invalid_but_terminated_last_line_is_cut_off(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "out.jsonl"
    good = _record("a")
    path.write_bytes(good + b"\x00\x00garbage\n")
    assert scan(str(path)).ids == {"a"}
    assert path.read_bytes() == good


def test_bad_line_in_the_middle_is_an_error(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(_record("a") + b"not json\n" + _record("b"))
    with pytest.raises(BatchFileError, match="line 2"):
        scan(str(path))
    assert path.read_bytes().count(b"\n") == 3  # nothing was cut


def test_appender_writes_whole_lines_and_fsyncs_by_count(tmp_path: pathlib.Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    path = tmp_path / "out.jsonl"
    appender = Appender(str(path), fsync_every=3, fsync_interval=3600)
    for i in range(7):
        appender.append(_record(f"r{i}"))
        # every record is in the file (visible to a reader) as soon as append returns
        assert path.read_bytes().count(b"\n") == i + 1
    assert len(synced) == 2
    appender.maybe_sync()  # the interval has not passed
    assert len(synced) == 2
    appender.close()
    assert len(synced) == 3 and appender.written == 7
    assert scan(str(path)).ids == {f"r{i}" for i in range(7)}


def test_appender_fsyncs_by_time(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gptkit.testing import VirtualClock

    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd))
    with VirtualClock() as clock:
        appender = Appender(str(tmp_path / "out.jsonl"), fsync_every=1000, fsync_interval=1.0)
        appender.append(_record("a"))
        appender.maybe_sync()
        assert synced == []
        clock.advance(1.5)
        appender.maybe_sync()
        assert len(synced) == 1
        appender.maybe_sync()  # nothing new to sync
        assert len(synced) == 1
        appender.close()


def test_second_writer_is_refused(tmp_path: pathlib.Path) -> None:
    path = str(tmp_path / "out.jsonl")
    first = Appender(path)
    try:
        with pytest.raises(BatchFileError, match="another run"):
            Appender(path)
    finally:
        first.close()
    Appender(path).close()  # free again once closed


def test_sort_by_input_orders_records(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(_record("c") + _record("a") + _record("zz") + _record("b"))
    sort_by_input(str(path), iter(["a", "b", "c", "missing"]))
    ids = [json.loads(line)["custom_id"] for line in path.read_text().splitlines()]
    assert ids == ["a", "b", "c", "zz"]  # ids not in the input are kept, at the end
    assert not (tmp_path / "out.jsonl.sorting").exists()


def test_record_formats() -> None:
    line = success_line("x\n\"y", 200, None, b'{\n  "a": 1\n}')
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    record = json.loads(line)
    assert record["custom_id"] == 'x\n"y' and record["response"] == {
        "status_code": 200, "request_id": None, "body": {"a": 1}}
    assert record["error"] is None and record["id"].startswith("batch_req_")
    failure = json.loads(failure_line("f", ValueError("boom")))
    assert failure["response"] is None
    assert failure["error"]["class"] == "ValueError" and failure["error"]["message"] == "boom"
    # A line gptkit rejected before sending it has no response, though the error is a 400 BadRequestError.
    invalid = gptkit.InvalidParameterError("Invalid parameter: 'n' bad", param="n", errors=[("n", "bad")])
    rejected = json.loads(failure_line("g", invalid))
    assert rejected["response"] is None
    assert rejected["error"]["status"] is None and rejected["error"]["param"] == "n"
    assert rejected["error"]["class"] == "InvalidParameterError"
