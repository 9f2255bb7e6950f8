"""``Cassette``: one test's recorded interactions, its record mode, and the transports over it."""

from __future__ import annotations

import json
import os
import threading
import warnings
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from gptkit.testing._cassette_format import (
    CassetteError,
    Interaction,
    RecordedRequest,
    dump_cassette,
    load_cassette,
)
from gptkit.testing._match import describe_miss, match_key
from gptkit.testing._record import AsyncRecordingTransport, RecordingTransport
from gptkit.testing._replay import PACINGS, AsyncReplayTransport, ReplayTransport
from gptkit.testing._scrub import (
    keep_headers,
    scan_for_secrets,
    scrub_chunks,
    scrub_json,
    scrub_text,
    secrets_in_headers,
)

__all__ = ["RECORD_MODES", "Cassette", "CassetteWarning", "resolve_record_mode"]

#: ``none``: replay only; ``once``: record if the file does not exist, else replay only;
#: ``new_episodes``: replay what matches, record the rest; ``all``: record everything anew.
RECORD_MODES = ("none", "once", "new_episodes", "all")
_FALSY = ("", "0", "false", "no")


class CassetteWarning(UserWarning):
    """Recorded interactions were never played (the test sent fewer requests than recorded)."""


def resolve_record_mode(mode: str | None = None, *, respect_ci: bool = True) -> str:
    """The mode in force: ``none`` when ``CI`` is set, else ``GPTKIT_RECORD_MODE``, else ``mode``."""
    if respect_ci and os.environ.get("CI", "").strip().lower() not in _FALSY:
        return "none"
    chosen = os.environ.get("GPTKIT_RECORD_MODE", "").strip().lower() or mode or "none"
    if chosen not in RECORD_MODES:
        raise ValueError(f"record mode must be one of {', '.join(RECORD_MODES)}, not {chosen!r}")
    return chosen


def _request_record(request: httpx.Request, extra_headers: Iterable[str]) -> RecordedRequest:
    content = request.content
    body: Any = None
    text = None
    if content:
        try:
            body = json.loads(content)
        except ValueError:
            text = content.decode("utf-8", "replace")
    query = request.url.query.decode("ascii", "replace")
    return RecordedRequest(request.method.upper(), request.url.path, query,
                           keep_headers(request.headers.multi_items(), response=False, extra=extra_headers),
                           body, text)


class Cassette:
    """A JSON file of recorded interactions and the record/replay transports over it.

    ``mode`` (one of ``RECORD_MODES``) is overridden by ``GPTKIT_RECORD_MODE`` and forced to
    ``none`` when ``CI`` is set (unless ``respect_ci=False``, for recording against a local
    fake). ``ignore`` lists body fields (dotted paths) that matching ignores; ``pacing`` is
    ``fast``, ``realtime`` or ``rechunk`` (``GPTKIT_REPLAY_PACING`` overrides), ``seed`` seeds
    re-chunking; ``secrets`` are extra literals never to be written; ``request_headers`` and
    ``response_headers`` extend the header allow-lists; ``strict`` makes unplayed
    interactions an error at ``close()`` instead of a warning.

    Use it as a context manager (``close()`` saves new recordings and reports unplayed ones).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        mode: str | None = None,
        ignore: Iterable[str] = (),
        pacing: str | None = None,
        seed: int = 0,
        secrets: Iterable[str] = (),
        request_headers: Iterable[str] = (),
        response_headers: Iterable[str] = (),
        strict: bool = False,
        respect_ci: bool = True,
    ) -> None:
        self.path: Path = Path(path)
        self.mode: str = resolve_record_mode(mode, respect_ci=respect_ci)
        self.pacing: str = os.environ.get("GPTKIT_REPLAY_PACING", "").strip().lower() or pacing or "fast"
        if self.pacing not in PACINGS:
            raise ValueError(f"pacing must be one of {', '.join(PACINGS)}, not {self.pacing!r}")
        self.seed = seed
        self.ignore: tuple[str, ...] = tuple(ignore)
        self.strict = strict
        self._request_headers = tuple(request_headers)
        self._response_headers = tuple(response_headers)
        self._secrets: set[str] = {s for s in secrets if s}
        env_key = os.environ.get("OPENAI_API_KEY")
        if env_key:
            self._secrets.add(env_key)
        exists = self.path.exists()
        self.interactions: list[Interaction] = (
            load_cassette(self.path) if exists and self.mode != "all" else [])
        self.recording: bool = self.mode in ("new_episodes", "all") or (self.mode == "once" and not exists)
        self._played: set[int] = set()
        self._new = 0
        self._index: dict[tuple[str, str, str], list[int]] = {}
        for i, interaction in enumerate(self.interactions):
            self._index.setdefault(match_key(interaction.request, self.ignore), []).append(i)
        self._lock = threading.Lock()
        self._closed = False

    # -- transports ------------------------------------------------------------------------------

    def transport(self, real: httpx.BaseTransport | None = None) -> httpx.BaseTransport:
        """A sync transport over this cassette; ``real`` (default: the network) is used to record."""
        if not self.recording:
            return ReplayTransport(self)
        recorder = RecordingTransport(real if real is not None else httpx.HTTPTransport(), self)
        return recorder if self.mode == "all" else ReplayTransport(self, fallback=recorder)

    def async_transport(self, real: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncBaseTransport:
        """An async transport over this cassette; ``real`` (default: the network) is used to record."""
        if not self.recording:
            return AsyncReplayTransport(self)
        recorder = AsyncRecordingTransport(real if real is not None else httpx.AsyncHTTPTransport(), self)
        return recorder if self.mode == "all" else AsyncReplayTransport(self, fallback=recorder)

    # -- used by the transports --------------------------------------------------------------

    def _keep_response_headers(self, headers: Iterable[tuple[str, str]]) -> dict[str, str]:
        return keep_headers(headers, response=True, extra=self._response_headers)

    def _begin_recording(self, request: httpx.Request) -> Interaction:
        interaction = Interaction(_request_record(request, self._request_headers))
        with self._lock:
            self._secrets |= secrets_in_headers(request.headers)
            self.interactions.append(interaction)
            index = len(self.interactions) - 1
            self._played.add(index)  # it answers the request that made it, and no other
            self._index.setdefault(match_key(interaction.request, self.ignore), []).append(index)
            self._new += 1
        return interaction

    def _take(self, request: httpx.Request, *, miss_ok: bool) -> tuple[int, Interaction] | None:
        """The first unplayed interaction matching ``request`` (marked played)."""
        sent = _request_record(request, ())
        key = match_key(sent, self.ignore)
        with self._lock:
            self._secrets |= secrets_in_headers(request.headers)
            candidates = self._index.get(key, [])
            for index in candidates:
                if index not in self._played:
                    self._played.add(index)
                    return index, self.interactions[index]
            if miss_ok:
                return None
            recorded = [i.request for i in self.interactions]
        if not self.path.exists() and not self.interactions:
            raise CassetteError(
                f"cassette {self.path} does not exist and record mode is {self.mode!r}; record it "
                "with GPTKIT_RECORD_MODE=once (never in CI)")
        message = describe_miss(sent, recorded, self.ignore, len(candidates))
        raise CassetteError(f"{message}\nCassette: {self.path} (record mode {self.mode!r}).")

    # -- saving and reporting ----------------------------------------------------------------

    def unplayed(self) -> list[Interaction]:
        """Recorded interactions no request has used (yet)."""
        return [i for n, i in enumerate(self.interactions) if n not in self._played]

    def save(self) -> None:
        """Write the cassette if anything was recorded: scrubbed, then scanned for secrets."""
        with self._lock:
            if not self._new:
                return
            secrets = set(self._secrets)
            document = [self._scrubbed(i.to_json(), secrets) for i in self.interactions]
        dump_cassette(self.path, document, lambda written: scan_for_secrets(written, secrets))
        self._new = 0

    @staticmethod
    def _scrubbed(data: dict[str, Any], secrets: set[str]) -> dict[str, Any]:
        request = data["request"]
        request["headers"] = {k: scrub_text(v, secrets) for k, v in request["headers"].items()}
        request["body"] = scrub_json(request["body"], secrets)
        request["query"] = scrub_text(request["query"], secrets)
        if "text" in request:
            request["text"] = scrub_text(request["text"], secrets)
        for part in (data.get("response"), data):
            if part is None:
                continue
            if part is not data:
                part["headers"] = {k: scrub_text(v, secrets) for k, v in part["headers"].items()}
                if "body" in part:
                    part["body"] = scrub_json(part["body"], secrets)
                if "text" in part:
                    part["text"] = scrub_text(part["text"], secrets)
                texts = [c for c in part.get("chunks", []) if "text" in c]
                cleaned = scrub_chunks([c["text"] for c in texts], secrets)
                for chunk, clean in zip(texts, cleaned, strict=True):
                    chunk["text"] = clean
            if "error" in part:
                part["error"]["message"] = scrub_text(part["error"]["message"], secrets)
        return data

    def report(self) -> str | None:
        """A description of the unplayed interactions, or None when every one was played."""
        unplayed = [(n, i) for n, i in enumerate(self.interactions) if n not in self._played]
        if not unplayed:
            return None
        listed = ", ".join(f"#{n} {i.request.method} {i.request.path}" for n, i in unplayed[:10])
        more = f" and {len(unplayed) - 10} more" if len(unplayed) > 10 else ""
        return f"{len(unplayed)} recorded interaction(s) of {self.path} were never played: {listed}{more}"

    def close(self) -> None:
        """Save new recordings; report unplayed interactions (a warning, or an error if strict)."""
        if self._closed:
            return
        self._closed = True
        self.save()
        message = self.report()
        if message is not None:
            if self.strict:
                raise CassetteError(message)
            warnings.warn(message, CassetteWarning, stacklevel=2)

    def __enter__(self) -> Cassette:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self.close()
        else:
            self._closed = True
            self.save()  # keep what was recorded before the failure

    def __repr__(self) -> str:
        return f"<Cassette {self.path} mode={self.mode} interactions={len(self.interactions)}>"
