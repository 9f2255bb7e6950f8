"""Waiting for a background response to finish (``client.responses.wait``).

The official package has no helper for this (its pollers, ``runs.poll`` and
``vector_stores.files.poll``, take ``poll_interval_ms``; that name is kept). Each look is an
ordinary ``retrieve`` call (retried, observed, never billed again); between looks the wait starts
at ``poll_interval_ms`` (else half a second) and grows by half each time up to ``MAX_INTERVAL``
seconds, so a long job costs few requests and a short one is seen soon. Waits sleep on gptkit's
clock (``VirtualClock`` makes them instant in tests).

The policy (next interval, whether time is up, what a finished response means) and the loop are
written once here, as steps the resource runs on either client (``gptkit.resources._resource``).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from gptkit._clock import get_clock
from gptkit._exceptions import APITimeoutError, InvalidParameterError, ResponseFailedError

__all__ = ["MAX_INTERVAL", "TERMINAL", "WaitPolicy", "wait_steps"]

#: The statuses a response does not leave.
TERMINAL = frozenset({"completed", "failed", "incomplete", "cancelled"})
#: The longest pause between two looks, in seconds.
MAX_INTERVAL = 10.0
_FIRST_INTERVAL = 0.5
_GROWTH = 1.5


class WaitPolicy:
    """When to look again and when to give up (sans-IO)."""

    __slots__ = ("_deadline", "_interval", "max_wait_seconds")

    def __init__(self, poll_interval_ms: int | None, max_wait_seconds: float | None, now: float) -> None:
        if poll_interval_ms is not None and (isinstance(poll_interval_ms, bool) or poll_interval_ms < 0):
            raise _invalid("poll_interval_ms", "must be a non-negative number of milliseconds")
        if max_wait_seconds is not None and (isinstance(max_wait_seconds, bool) or max_wait_seconds < 0):
            raise _invalid("max_wait_seconds", "must be a non-negative number of seconds")
        self._interval = _FIRST_INTERVAL if poll_interval_ms is None else poll_interval_ms / 1000
        self.max_wait_seconds = max_wait_seconds
        self._deadline = None if max_wait_seconds is None else now + max_wait_seconds

    def pause(self, now: float) -> float | None:
        """Seconds to sleep before the next look, or None when the time is up."""
        if self._deadline is not None and now >= self._deadline:
            return None
        pause = self._interval
        self._interval = min(max(self._interval * _GROWTH, self._interval), MAX_INTERVAL)
        if self._deadline is not None:
            pause = min(pause, self._deadline - now)
        return pause

    def outcome(self, response: Any) -> Any:
        """The response if it finished (a failed one raises), else None."""
        status = response.status
        if status not in TERMINAL:
            return None
        if status == "failed":
            error = response.error
            message = getattr(error, "message", None) or "The response failed."
            body = {"error": {"message": message, "type": "response_failed",
                              "code": getattr(error, "code", None), "param": None}}
            raise ResponseFailedError(f"{response.id} failed: {message}", body=body, response=response)
        return response

    def timed_out(self, response: Any) -> APITimeoutError:
        return APITimeoutError(
            message=f"{response.id} is still {response.status} after waiting {self.max_wait_seconds:g} s "
                    "(raise max_wait_seconds, or cancel it with responses.cancel)",
        )


def _invalid(name: str, problem: str) -> InvalidParameterError:
    return InvalidParameterError(f"Invalid parameter for responses.wait: '{name}' {problem}", param=name,
                                 errors=[(name, problem)])


def wait_steps(
    retrieve: Callable[[], Any], sleep: Callable[[float], Any], poll_interval_ms: int | None,
    max_wait_seconds: float | None,
) -> Generator[Any, Any, Any]:
    """The wait as steps a resource runs (``_steps``: each ``retrieve()`` and ``sleep(pause)`` it
    yields is run, or awaited, and its result sent back); returns the finished response."""
    clock = get_clock()
    policy = WaitPolicy(poll_interval_ms, max_wait_seconds, clock.monotonic())
    while True:
        response = yield retrieve()
        if policy.outcome(response) is not None:
            return response
        pause = policy.pause(clock.monotonic())
        if pause is None:
            raise policy.timed_out(response)
        yield sleep(pause)
