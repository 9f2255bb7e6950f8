"""The output files are the journal: append-only JSONL, repaired and re-read on resume.

Durability policy: every record is handed to the OS with one ``write`` as soon as it completes
(so a ``kill -9`` loses nothing that was written), and ``fsync`` runs every ``fsync_every``
records, every ``fsync_interval`` seconds and when the file is closed (so a power cut loses at
most that window, whose requests are simply sent again on resume). A crash can leave a torn last
line; ``scan`` cuts it off before the run appends again, so no record is ever half-kept or
written twice.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator

from gptkit._clock import get_clock
from gptkit.batch._errors import BatchFileError

try:  # advisory locks stop two runs appending to the same file (POSIX only)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["Appender", "ScanResult", "check_distinct", "iter_records", "scan", "sort_by_input"]


def check_distinct(**paths: str) -> None:
    """Refuse (``BatchFileError``, before anything is sent) two roles given one file.

    Results appended to the input file would corrupt it (and be read back as requests); results
    and failures in one file could not be told apart on resume.
    """
    seen: dict[str, str] = {}
    for role, path in paths.items():
        key = os.path.normcase(os.path.realpath(path))
        if key in seen:
            raise BatchFileError(f"{path}: the {role} file is also the {seen[key]} file; give each its own")
        seen[key] = role


class ScanResult:
    """The custom_ids already recorded in one file, and whether a torn tail was cut off."""

    def __init__(self, ids: set[str], records: int, repaired_bytes: int) -> None:
        self.ids = ids
        self.records = records
        self.repaired_bytes = repaired_bytes


def iter_records(path: str) -> Iterator[tuple[int, int, bytes]]:
    """``(offset, length, line)`` of every complete (newline-terminated) line of ``path``."""
    offset = 0
    with open(path, "rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                return
            yield offset, len(line), line
            offset += len(line)


def scan(path: str, *, repair: bool = True) -> ScanResult:
    """Read the custom_ids recorded in ``path``, cutting off a torn last line (``repair``).

    A last line without its newline, or that is not valid JSON, is the remains of a crash
    mid-write: it is truncated away. A bad line anywhere else means the file is not a batch
    output file, and ``BatchFileError`` says where.
    """
    ids: set[str] = set()
    if not os.path.exists(path):
        return ScanResult(ids, 0, 0)
    size = os.path.getsize(path)
    good_end = 0
    records = 0
    bad: tuple[int, str] | None = None
    for number, (offset, length, line) in enumerate(iter_records(path), start=1):
        if bad is not None:
            raise BatchFileError(f"{path}: line {bad[0]} is not a batch record ({bad[1]})")
        try:
            record = json.loads(line)
            custom_id = record["custom_id"]
            if not isinstance(custom_id, str):
                raise TypeError("custom_id is not a string")
        except (ValueError, KeyError, TypeError) as exc:
            bad = (number, str(exc))
            continue
        ids.add(custom_id)
        records += 1
        good_end = offset + length
    repaired = size - good_end
    if repaired and repair:
        with open(path, "r+b") as handle:
            handle.truncate(good_end)
            handle.flush()
            os.fsync(handle.fileno())
    return ScanResult(ids, records, repaired if repair else 0)


class Appender:
    """Appends whole records to a file: one ``write`` each, ``fsync`` by count and by time."""

    def __init__(self, path: str, *, fsync_every: int = 1000, fsync_interval: float = 1.0,
                 lock: bool = True) -> None:
        if fsync_every < 1 or fsync_interval < 0:
            raise ValueError("fsync_every must be >= 1 and fsync_interval >= 0")
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        if lock and fcntl is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(self._fd)
                raise BatchFileError(f"{path} is being written by another run") from None
        self._every = fsync_every
        self._interval = fsync_interval
        self._unsynced = 0
        self._clock = get_clock()
        self._last_sync = self._clock.monotonic()
        self.written = 0

    def append(self, record: bytes) -> None:
        """Write one newline-terminated record now; ``fsync`` when the policy says so."""
        view = memoryview(record)
        while view:
            done = os.write(self._fd, view)
            view = view[done:]
        self.written += 1
        self._unsynced += 1
        if self._unsynced >= self._every:
            self.sync()

    def maybe_sync(self) -> None:
        """``fsync`` if records are waiting and ``fsync_interval`` has passed (called by a timer)."""
        if self._unsynced and self._clock.monotonic() - self._last_sync >= self._interval:
            self.sync()

    def sync(self) -> None:
        if self._fd >= 0:
            os.fsync(self._fd)
            self._unsynced = 0
            self._last_sync = self._clock.monotonic()

    def close(self) -> None:
        if self._fd >= 0:
            try:
                self.sync()
            finally:
                os.close(self._fd)
                self._fd = -1


def sort_by_input(path: str, order: Iterable[str]) -> None:
    """Rewrite ``path`` with its records in the order of the custom_ids in ``order``.

    Builds an index of offsets (not of records), writes a sorted copy next to the file, syncs
    it and renames it over the original, so a crash leaves either the old or the new file.
    """
    index: dict[str, tuple[int, int]] = {}
    for offset, length, line in iter_records(path):
        index[json.loads(line)["custom_id"]] = (offset, length)
    temp = path + ".sorting"
    with open(path, "rb") as source, open(temp, "wb") as target:
        for custom_id in order:
            where = index.pop(custom_id, None)
            if where is None:
                continue
            source.seek(where[0])
            target.write(source.read(where[1]))
        for offset, length in sorted(index.values()):  # records whose id is not in the input
            source.seek(offset)
            target.write(source.read(length))
        target.flush()
        os.fsync(target.fileno())
    os.replace(temp, path)
