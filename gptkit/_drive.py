"""Running sans-IO step generators: ``drive`` blocking, ``adrive`` awaited.

An operation written once as a generator yields each step it needs done (a rate limiter's
reservation, a Redis command) and receives the answer. ``drive`` performs each step at once,
``adrive`` awaits it; both send the answer back, or throw the step's exception (cancellation
included) back in, so the operation cleans up after it. The generator holds every decision;
the two drivers differ only in ``await``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from typing import Any, TypeVar

__all__ = ["adrive", "drive"]

S = TypeVar("S")
T = TypeVar("T")


def drive(steps: Generator[S, Any, T], perform: Callable[[S], Any]) -> T:
    """Run ``steps``, each performed by ``perform`` at once; the generator's return value."""
    answer: Any = None
    error: BaseException | None = None
    while True:
        try:
            step = steps.send(answer) if error is None else steps.throw(error)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        try:
            answer, error = perform(step), None
        except BaseException as exc:
            answer, error = None, exc


async def adrive(steps: Generator[S, Any, T], perform: Callable[[S], Awaitable[Any]]) -> T:
    """``drive`` for async code: each step is awaited."""
    answer: Any = None
    error: BaseException | None = None
    while True:
        try:
            step = steps.send(answer) if error is None else steps.throw(error)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        try:
            answer, error = await perform(step), None
        except BaseException as exc:
            answer, error = None, exc
