"""The steps a limiter takes, and the two shells that take them (blocking or awaited).

An admission (``RateLimiter._admission``) or a permit's report (``RateLimitPermit._report``) is
written once, as a generator of steps: ``(what, *arguments)``, run by ``gptkit._drive``: ``drive``
performs each step at once, ``adrive`` awaits it. The backends' method names are the steps' names
(``reserve`` / ``areserve`` ...).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, Protocol, TypeVar

from gptkit._clock import get_clock
from gptkit._drive import adrive as arun_steps
from gptkit._drive import drive as run_steps
from gptkit._ratelimit._config import Limits
from gptkit._ratelimit._core import Grant, Observation
from gptkit._ratelimit._memory import LaneKey

__all__ = ["HOLD", "OBSERVE", "RESERVE", "SHIFT", "SLEEP", "SLOT", "Backend", "Step", "adrive", "drive"]

T = TypeVar("T")

#: A step of an admission or a permit's report: (what, *arguments).
Step = tuple[Any, ...]
SLOT, RESERVE, SLEEP, SHIFT, OBSERVE, HOLD = "slot", "reserve", "sleep", "shift", "observe", "hold"


class Backend(Protocol):
    def reserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant: ...
    def shift(self, key: LaneKey) -> float: ...
    def give_back(self, key: LaneKey, limits: Limits, requests: float, tokens: float) -> None: ...
    def observe(self, key: LaneKey, limits: Limits, seen: Observation, age: float = ...) -> None: ...
    def hold(self, key: LaneKey, limits: Limits, seconds: float) -> None: ...
    def estimates(self) -> dict[str, dict[str, float | None]]: ...
    async def areserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant: ...
    async def ashift(self, key: LaneKey) -> float: ...
    async def aobserve(self, key: LaneKey, limits: Limits, seen: Observation, age: float = ...) -> None: ...
    async def ahold(self, key: LaneKey, limits: Limits, seconds: float) -> None: ...


def drive(backend: Backend, steps: Generator[Step, Any, T]) -> T:
    """Run ``steps`` blocking: each step is performed at once."""

    def perform(step: Step) -> Any:
        op, *args = step
        if op == SLOT:
            args[0].acquire()
        elif op == SLEEP:
            get_clock().sleep(args[0])
        else:
            return getattr(backend, op)(*args)
        return None

    return run_steps(steps, perform)


async def adrive(backend: Backend, steps: Generator[Step, Any, T]) -> T:
    """``drive`` for async code: each step is awaited."""

    async def perform(step: Step) -> Any:
        op, *args = step
        if op == SLOT:
            await args[0].aacquire()
        elif op == SLEEP:
            await get_clock().asleep(args[0])
        else:
            return await getattr(backend, "a" + op)(*args)
        return None

    return await arun_steps(steps, perform)
