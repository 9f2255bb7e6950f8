"""Running sans-IO step generators: ``drive`` blocking, ``adrive`` awaited.

An operation written once as a generator yields each step it needs done (a rate limiter's
reservation, a Redis command) and receives the answer. ``drive`` performs each step at once,
``adrive`` awaits it; both send the answer back, or throw the step's exception (cancellation
included) back in, so the operation cleans up after it. The generator holds every decision;
the loop is written once (``drive`` runs ``adrive`` with steps that never suspend).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from typing import Any, TypeVar

__all__ = ["adrive", "drive"]

S = TypeVar("S")
T = TypeVar("T")


def drive(steps: Generator[S, Any, T], perform: Callable[[S], Any]) -> T:
    """Run ``steps``, each performed by ``perform`` at once; the generator's return value.

    This is ``adrive`` given steps already done when it awaits them: its coroutine never
    suspends, so one ``send`` runs it to the end (the loop is written once).
    """
    running = adrive(steps, lambda step: _Done(perform(step)))
    try:
        running.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    running.close()  # pragma: no cover - nothing it awaits can suspend
    raise RuntimeError("a blocking step suspended")  # pragma: no cover


class _Done:
    """An awaitable whose value is already there: awaiting it never suspends."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __await__(self) -> Generator[Any, None, Any]:
        return self.value
        yield  # pragma: no cover - makes this a generator that ends at once


async def adrive(steps: Generator[S, Any, T], perform: Callable[[S], Awaitable[Any]]) -> T:
    """Run ``steps``, each awaited from ``perform``; the generator's return value."""
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
