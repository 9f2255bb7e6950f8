"""The retry loop of one call after its first attempt failed: ``for attempt in Attempts(...)``
or ``async for``, the same object.

Speed: almost every call succeeds on its first attempt, so the clients (``_client``) make that
attempt plainly and come here only after it failed. ``Attempts`` then builds tenacity's
``Retrying`` / ``AsyncRetrying`` and replays the failure into it as attempt 1, so every decision
of ``gptkit._retry`` runs exactly as it would have. Neither this module nor tenacity runs (or is
imported) by a call that succeeds at once: that keeps ``import gptkit`` and the per-call path
light. Only stepping differs between the loops (``next`` or ``await anext``, tenacity's
``sleep`` or ``asleep``); what to do next is decided once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, overload

from gptkit._clock import Clock
from gptkit._exceptions import APIError, APIStatusError
from gptkit._retry import RetryEvent, RetryPolicy

if TYPE_CHECKING:
    import tenacity

__all__ = ["Attempts"]

logger = logging.getLogger("gptkit")


class _Decisions:
    """The tenacity callbacks of one logical call: retry?, wait how long?, stop?"""

    def __init__(
        self, policy: RetryPolicy, clock: Clock, method: str, path: str, start: float,
        on_retry: Callable[[RetryEvent], None] | None = None,
    ) -> None:
        self.policy = policy
        self.on_retry = on_retry
        self.clock = clock
        self.method = method
        self.path = path
        self.start = start  # when the first attempt began (max_elapsed counts from there)
        self.reasons: list[str] = []
        self.server_directed = False
        self.chosen_wait = 0.0

    def _error(self, state: tenacity.RetryCallState) -> BaseException | None:
        return state.outcome.exception() if state.outcome is not None else None

    def retry(self, state: tenacity.RetryCallState) -> bool:
        error = self._error(state)
        return error is not None and self.policy.retry_reason(error) is not None

    def wait(self, state: tenacity.RetryCallState) -> float:
        error = self._error(state)
        assert isinstance(error, APIError)
        wait, self.server_directed = self.policy.wait_for(error, state.attempt_number, self.clock.wall())
        self.chosen_wait = wait
        return 0.0 if self.policy.zero_waits else wait

    def stop(self, state: tenacity.RetryCallState) -> bool:
        error = self._error(state)
        assert isinstance(error, APIError)
        error.attempts = state.attempt_number
        error.attempt_errors = list(self.reasons)
        if self.server_directed and self.chosen_wait > self.policy.max_retry_after:
            if isinstance(error, APIStatusError):
                error.retry_after = self.chosen_wait
            return True
        wait = state.upcoming_sleep
        if state.attempt_number >= self.policy.max_attempts:
            return True
        if self.policy.max_elapsed is not None:
            elapsed = self.clock.monotonic() - self.start
            if elapsed + wait > self.policy.max_elapsed:
                return True
        return False

    def before_sleep(self, state: tenacity.RetryCallState) -> None:
        error = self._error(state)
        assert isinstance(error, APIError)
        reason = self.policy.retry_reason(error) or type(error).__name__
        self.reasons.append(f"attempt {state.attempt_number}: {error.message}")
        wait = state.upcoming_sleep
        logger.info(
            "retrying %s %s: attempt %d failed (%s); waiting %.3fs; request id %s",
            self.method, self.path, state.attempt_number, reason, wait, error.request_id,
        )
        hook, observer = self.policy.on_retry, self.on_retry
        if hook is None and observer is None:
            return
        event = RetryEvent(error, state.attempt_number, wait, reason, self.method, self.path)
        if hook is not None:
            try:
                hook(event)
            except Exception:  # a broken hook must not break the call
                logger.exception("on_retry hook raised; ignoring it")
        if observer is not None:
            observer(event)  # the client's call trace (it guards its own listeners)


class Attempts:
    """The attempts of one logical call after its first attempt failed with ``error``: ``for
    attempt in Attempts(...): with attempt: ...`` in a sync client, ``async for`` in an async one.

    Run each attempt inside ``with attempt:``; the loop ends after a success and re-raises the
    final error when the policy gives up. ``start`` is when the first attempt began (the clock's
    ``monotonic``; ``max_elapsed`` counts from there). ``on_retry`` (the client's call trace) is
    told about each retry after the policy's own hook. A class rather than a generator, so that
    a cancelled async call leaves nothing for the event loop to finalise later.
    """

    __slots__ = ("_error", "_on_retry", "_policy", "_rest", "_where")

    def __init__(
        self, policy: RetryPolicy, clock: Clock, error: Exception, *, start: float, method: str, path: str,
        on_retry: Callable[[RetryEvent], None] | None = None,
    ) -> None:
        self._policy = policy
        self._where = (clock, method, path, start)
        self._on_retry = on_retry
        self._error: Exception | None = error  # the first attempt's, until tenacity holds it
        self._rest: Any = None  # tenacity's attempts

    @overload
    def _tenacity(self, *, is_async: Literal[False]) -> tenacity.Retrying: ...
    @overload
    def _tenacity(self, *, is_async: Literal[True]) -> tenacity.AsyncRetrying: ...
    def _tenacity(self, *, is_async: bool) -> tenacity.Retrying | tenacity.AsyncRetrying:
        """The tenacity retrier for the rest of the call (every decision in ``_Decisions``)."""
        import tenacity  # deferred: only calls that failed once pay for it

        clock, method, path, start = self._where
        decisions = _Decisions(self._policy, clock, method, path, start, self._on_retry)
        kwargs: dict[str, Any] = {"retry": decisions.retry, "wait": decisions.wait, "stop": decisions.stop,
                                  "before_sleep": decisions.before_sleep, "reraise": True}
        if is_async:
            return tenacity.AsyncRetrying(sleep=clock.asleep, **kwargs)
        return tenacity.Retrying(sleep=clock.sleep, **kwargs)

    def _replay(self, attempt: Any) -> None:
        """Feed the first attempt's failure to tenacity as its attempt 1 (it records it)."""
        error, self._error = self._error, None  # tenacity holds the outcome now
        assert error is not None
        with attempt:
            raise error

    def __iter__(self) -> Attempts:
        return self

    def __next__(self) -> Any:
        if self._rest is None:
            self._rest = iter(self._tenacity(is_async=False))
            self._replay(next(self._rest))
        return next(self._rest)

    def __aiter__(self) -> Attempts:
        return self

    async def __anext__(self) -> Any:
        if self._rest is None:
            self._rest = self._tenacity(is_async=True).__aiter__()
            self._replay(await self._rest.__anext__())
        return await self._rest.__anext__()
