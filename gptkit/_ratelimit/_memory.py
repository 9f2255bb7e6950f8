"""The in-process backend: the sans-IO lanes behind one lock, timed by ``get_clock()``."""

from __future__ import annotations

import threading

from gptkit._clock import get_clock
from gptkit._ratelimit import _core
from gptkit._ratelimit._config import Limits
from gptkit._ratelimit._core import Grant, LaneState, Observation, Shape

__all__ = ["LaneKey", "MemoryBackend"]

#: (namespace: a hash of the API key, scope: a model name or pattern)
LaneKey = tuple[str, str]


class MemoryBackend:
    """Limits shared by every client, thread and task of this process that uses the limiter.

    Every operation is a few float operations under a lock, so the async methods call the
    sync ones directly (nothing here blocks for long).
    """

    def __init__(self, shape: Shape, *, start_full: bool = False) -> None:
        self.shape = shape
        #: New lanes start with their whole burst spent: a limiter taking over from the shared
        #: state mid-run (``_outage``) cannot know what was just sent, so it assumes the most.
        self.start_full = start_full
        #: Whether a burst on an idle lane waits for its first answer (``_core.catch_up``): not
        #: for such a stand-in, whose lanes start full and which not every report reaches.
        self.track = not start_full
        self._lanes: dict[LaneKey, tuple[LaneState, Limits]] = {}
        self._lock = threading.Lock()

    def _lane(self, key: LaneKey, limits: Limits) -> LaneState:
        entry = self._lanes.get(key)
        if entry is None:
            lane = LaneState()
            if self.start_full:
                now, shape = get_clock().monotonic(), self.shape
                if limits.rpm is not None:
                    lane.requests.set(now, shape.capacity(limits.rpm))
                if limits.tpm is not None:
                    lane.tokens.set(now, shape.capacity(limits.tpm))
            entry = self._lanes[key] = (lane, limits)
        return entry[0]

    def _caught_up(self, key: LaneKey, limits: Limits, now: float) -> LaneState:
        lane = self._lane(key, limits)
        _core.catch_up(lane, self.shape, now)  # a burst not answered yet pauses the drain
        return lane

    def reserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant:
        with self._lock:
            lane = self._lane(key, limits)
            return _core.reserve(lane, limits.rpm, limits.tpm, self.shape, get_clock().monotonic(), tokens,
                                 track=self.track)

    def shift(self, key: LaneKey) -> float:
        with self._lock:
            entry = self._lanes.get(key)
            if entry is None:
                return 0.0
            _core.catch_up(entry[0], self.shape, get_clock().monotonic())
            return entry[0].shift

    def give_back(self, key: LaneKey, limits: Limits, requests: float, tokens: float) -> None:
        with self._lock:
            now = get_clock().monotonic()
            lane = self._caught_up(key, limits, now)
            _core.give_back(lane, limits.rpm, limits.tpm, self.shape, now, requests, tokens)

    def observe(self, key: LaneKey, limits: Limits, seen: Observation, age: float = 0.0) -> None:
        with self._lock:
            now = get_clock().monotonic()
            lane = self._caught_up(key, limits, now)
            _core.answered(lane, self.shape, now, now - age)
            _core.observe(lane, limits.rpm, limits.tpm, self.shape, now, seen, age)

    def hold(self, key: LaneKey, limits: Limits, seconds: float) -> None:
        with self._lock:
            now = get_clock().monotonic()
            lane = self._caught_up(key, limits, now)
            _core.hold(lane, limits.rpm, limits.tpm, self.shape, now, seconds)

    def levels(self) -> list[tuple[LaneKey, float, float]]:
        """Each lane's requests and tokens still counted now (what a re-joining limiter adds
        to the shared state: see ``_outage``)."""
        now = get_clock().monotonic()
        result = []
        with self._lock:
            for key, (lane, limits) in self._lanes.items():
                rpm, tpm = _core.effective_limits(limits.rpm, limits.tpm, lane, self.shape)
                result.append((key, lane.requests.level(now, rpm) if rpm else 0.0,
                               lane.tokens.level(now, tpm) if tpm else 0.0))
        return result

    def estimates(self) -> dict[str, dict[str, float | None]]:
        now = get_clock().monotonic()
        with self._lock:
            return {
                limits.scope: _core.available(lane, limits.rpm, limits.tpm, self.shape, now)
                for lane, limits in self._lanes.values()
            }

    # The async twins: the same calls (the lock is held for microseconds).
    async def areserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant:
        return self.reserve(key, limits, tokens)

    async def ashift(self, key: LaneKey) -> float:
        return self.shift(key)

    async def aobserve(self, key: LaneKey, limits: Limits, seen: Observation, age: float = 0.0) -> None:
        self.observe(key, limits, seen, age)

    async def ahold(self, key: LaneKey, limits: Limits, seconds: float) -> None:
        self.hold(key, limits, seconds)
