"""Sans-IO rate-limit arithmetic: "given now and this cost, how long to wait".

Each scope (a model or a model pattern) has two leaky buckets, requests and tokens. A bucket
is two numbers, ``used`` and the ``stamp`` it was measured at; it drains at ``limit / 60`` units
a second, so a 1,000,000-token limit costs the same as a 10-token one. A request *reserves*
its cost at once and is told how long to sleep; ``used`` may exceed the capacity while
requests are queued, which is what makes the queue first-in first-out: a later request's
slot is computed after every earlier reservation, big or small, and nobody polls.

The Redis backend runs the same steps in Lua (``_lua.py``); the tests feed both the same
sequences. Keep the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Bucket",
    "Grant",
    "LaneState",
    "NeverFits",
    "Observation",
    "Shape",
    "available",
    "answered",
    "catch_up",
    "effective_limits",
    "give_back",
    "hold",
    "observe",
    "reserve",
    "settlement",
]

#: A server count above ours by less than this share of the capacity (plus one unit) is noise
#: (the server measured it a moment earlier, before some of the drain we already counted).
OBSERVE_TOLERANCE = 0.02
#: The longest a lane waits for its burst's first answer (``catch_up``) when the window is
#: shorter: every caller reports an answer or a failure, so this only bounds the unforeseen.
PAUSE_LIMIT = 60.0


@dataclass(frozen=True)
class Shape:
    """How limits turn into buckets: the burst window and the jitter allowance, in seconds."""

    window: float = 60.0
    jitter: float = 0.25
    adaptive: bool = True

    def capacity(self, limit: float) -> float:
        """The most of a unit that may be spent in a burst."""
        return limit * self.window / 60.0

    def usable(self, limit: float) -> float:
        """The capacity less what ``jitter`` seconds deliver: late wake-ups and network
        reordering can bunch requests up by that much on the server's side."""
        capacity = self.capacity(limit)
        return max(capacity - limit / 60.0 * self.jitter, capacity / 2.0)


@dataclass
class Bucket:
    used: float = 0.0
    stamp: float = 0.0

    def level(self, now: float, limit: float) -> float:
        """Units still counted at ``now`` (queued reservations included)."""
        return max(0.0, self.used - limit / 60.0 * max(0.0, now - self.stamp))

    def set(self, now: float, used: float) -> None:
        self.used = used
        self.stamp = now


@dataclass
class LaneState:
    """Everything the limiter knows about one scope."""

    requests: Bucket = field(default_factory=Bucket)
    tokens: Bucket = field(default_factory=Bucket)
    #: Limits the server announced in ``x-ratelimit-limit-*`` (they lower the configured ones).
    server_rpm: float | None = None
    server_tpm: float | None = None
    #: Seconds every queued request was pushed back by 429 holds, in total; a waiter compares
    #: it before and after sleeping to learn it must sleep longer.
    shift: float = 0.0
    hold_until: float = 0.0
    #: When a burst began on an idle lane, until an answer shows it reached the server (None:
    #: none pending; see ``catch_up``), and how far the pause that follows has been applied.
    restart: float | None = None
    paused: float = 0.0


@dataclass(frozen=True)
class Grant:
    """A reservation: sleep ``wait`` seconds, then check ``shift`` has not grown. ``hold`` is
    the part of the wait that a 429 hold imposes (the limiter refuses past ``max_hold``)."""

    wait: float
    shift: float
    hold: float = 0.0


@dataclass(frozen=True)
class Observation:
    """The ``x-ratelimit-*`` headers of one response (None where absent)."""

    limit_requests: float | None = None
    limit_tokens: float | None = None
    remaining_requests: float | None = None
    remaining_tokens: float | None = None
    reset_requests: float | None = None
    reset_tokens: float | None = None


class NeverFits(Exception):
    """The request costs more tokens than the scope's capacity: waiting cannot help."""

    def __init__(self, tokens: int, capacity: float) -> None:
        super().__init__(tokens, capacity)
        self.tokens = tokens
        self.capacity = capacity


def _min(configured: float | None, server: float | None) -> float | None:
    if configured is None:
        return server
    if server is None:
        return configured
    return min(configured, server)


def effective_limits(
    rpm: float | None, tpm: float | None, state: LaneState, shape: Shape
) -> tuple[float | None, float | None]:
    """The limits in force: the configured ones, lowered (or supplied) by the server's."""
    if not shape.adaptive:
        return rpm, tpm
    return _min(rpm, state.server_rpm), _min(tpm, state.server_tpm)


def catch_up(state: LaneState, shape: Shape, now: float) -> None:
    """Pause the drain while a burst that began on an idle lane has not been answered.

    The server's bucket starts counting when the burst's first request *arrives*; ours would
    start when it was let through. On a loaded machine a burst on fresh connections can take
    longer than ``jitter`` to leave (dozens of connects at once, a busy event loop), and the
    requests let through meanwhile, counted against a refill the server had not begun, would
    reach it together with the burst and past its limit. So until the burst's first answer (at
    most ``PAUSE_LIMIT`` or ``window`` seconds, whichever is longer) the buckets do not drain,
    and queued requests wait as long (``shift``); requests that fit in the burst still start at
    once, and the ``jitter`` reserve is left whole for the delays of the steady state. Every
    step that reads or changes a lane calls this first (the in-process backend; see
    ``reserve(track=...)``).
    """
    restart = state.restart
    if restart is None:
        return
    limit = restart + max(shape.window, PAUSE_LIMIT)
    start = max(restart, state.paused)
    end = min(now, limit)
    if end > start:
        # Every stamp was set at or before ``start`` (each step catches up first): moving it on
        # removes exactly the drain of [start, end].
        state.requests.stamp += end - start
        state.tokens.stamp += end - start
        state.shift += end - start
        state.paused = end
    if now >= limit:
        state.restart = None


def answered(state: LaneState, shape: Shape, now: float, admitted: float) -> None:
    """An answer (or a failure) came back for a request let through at ``admitted``: if it
    belongs to the pending burst, the server has seen the burst and the pause ends."""
    if state.restart is not None and admitted >= state.restart - 1e-3:
        catch_up(state, shape, now)
        state.restart = None


def reserve(
    state: LaneState, rpm: float | None, tpm: float | None, shape: Shape, now: float, tokens: int,
    track: bool = False,
) -> Grant:
    """Reserve one request of ``tokens`` tokens; the grant says how long to sleep first.

    ``track``: a request on an idle lane starts a burst whose first answer is awaited
    (``catch_up``); the in-process backend tracks, the Redis script does not (yet)."""
    if track:
        catch_up(state, shape, now)
    rpm, tpm = effective_limits(rpm, tpm, state, shape)
    if tpm is not None and tokens > shape.capacity(tpm):
        raise NeverFits(tokens, shape.capacity(tpm))
    wait = max(0.0, state.hold_until - now)
    pending: list[tuple[Bucket, float]] = []
    idle = True
    for bucket, limit, cost in ((state.requests, rpm, 1.0), (state.tokens, tpm, float(tokens))):
        if limit is None:
            continue
        level = bucket.level(now, limit)
        idle = idle and level == 0.0
        wait = max(wait, (level + cost - shape.usable(limit)) / (limit / 60.0))
        pending.append((bucket, level + cost))
    for bucket, used in pending:
        bucket.set(now, used)
    if track and idle and pending and state.restart is None:
        state.restart = state.paused = now
    return Grant(wait, state.shift, max(0.0, state.hold_until - now))


def give_back(
    state: LaneState, rpm: float | None, tpm: float | None, shape: Shape, now: float,
    requests: float, tokens: float,
) -> None:
    """Return (or, when negative, charge more of) capacity: a cancelled wait, a refund after
    the real usage is known, or an extra charge when the usage exceeded the estimate."""
    rpm, tpm = effective_limits(rpm, tpm, state, shape)
    for bucket, limit, amount in ((state.requests, rpm, requests), (state.tokens, tpm, tokens)):
        if limit is not None and amount:
            bucket.set(now, max(0.0, bucket.level(now, limit) - amount))


def settlement(charged: float, used: float | None, refund: bool) -> float:
    """What to give back once a request's real usage is known (negative: an extra charge).

    The API counts a request against its tokens-per-minute limit when it arrives (prompt
    estimate + max output tokens x n) and keeps that charge: it does not give back the output
    a request did not use. A client that refunds ``charged - used`` therefore believes it has
    capacity the server does not have. The server's ``x-ratelimit-remaining-tokens`` cannot
    undo that reliably: each response reports the count at its own admission, before the
    requests admitted after it, so under concurrency it is always older than the client's
    count, and the refunds of a whole burst land before any header could show them wrong
    (the cause of early 429s: a burst of 37 requests refunded 1,300 phantom tokens within
    30 ms and the next 17 admissions were over the server's limit). So by default only extra
    charges are applied (usage above the charge: the prompt estimate was low, and the server's
    own count was very likely higher too); ``refund=True`` is for servers that do count the
    real usage."""
    if used is None:
        return 0.0
    correction = charged - used
    if correction > 0 and not refund:
        return 0.0
    return correction


def observe(
    state: LaneState, rpm: float | None, tpm: float | None, shape: Shape, now: float, seen: Observation,
    age: float = 0.0,
) -> None:
    """Fold a response's ``x-ratelimit-*`` headers in: learn lower limits, and count usage the
    server saw but we did not (another program on the same key, or an estimate too low).

    ``age`` is how long ago the request was admitted: the server counted its ``remaining`` at
    some moment since, so its count is drained for that long before it is compared with ours
    (otherwise every response, measured a little in the past, would look like extra usage)."""
    if not shape.adaptive:
        return
    if seen.limit_requests is not None and seen.limit_requests > 0:
        state.server_rpm = seen.limit_requests
    if seen.limit_tokens is not None and seen.limit_tokens > 0:
        state.server_tpm = seen.limit_tokens
    rpm, tpm = effective_limits(rpm, tpm, state, shape)
    for bucket, limit, remaining in (
        (state.requests, rpm, seen.remaining_requests), (state.tokens, tpm, seen.remaining_tokens)
    ):
        if limit is None or remaining is None:
            continue
        capacity = shape.capacity(limit)
        server_used = capacity - remaining - limit / 60.0 * max(0.0, age)
        level = bucket.level(now, limit)
        if server_used > level + 1.0 + OBSERVE_TOLERANCE * capacity:
            bucket.set(now, server_used)


def hold(
    state: LaneState, rpm: float | None, tpm: float | None, shape: Shape, now: float, seconds: float
) -> None:
    """After a 429: nothing starts before ``now + seconds``, and every queued request moves back
    by the same amount (so the queue keeps its order and spacing). Holds that overlap do not
    add up: ten 429s arriving together push the queue back once."""
    target = now + seconds
    if target <= state.hold_until:
        return
    delta = target - max(state.hold_until, now)
    rpm, tpm = effective_limits(rpm, tpm, state, shape)
    for bucket, limit in ((state.requests, rpm), (state.tokens, tpm)):
        if limit is not None:
            bucket.set(now, bucket.level(now, limit) + limit / 60.0 * delta)
    state.shift += delta
    state.hold_until = target


def available(
    state: LaneState, rpm: float | None, tpm: float | None, shape: Shape, now: float
) -> dict[str, float | None]:
    """The current estimates, for ``stats()``: limits in force and what could start right now."""
    rpm, tpm = effective_limits(rpm, tpm, state, shape)
    result: dict[str, float | None] = {"rpm": rpm, "tpm": tpm}
    for name, bucket, limit in (("requests", state.requests, rpm), ("tokens", state.tokens, tpm)):
        result[f"{name}_available"] = (
            None if limit is None else shape.usable(limit) - bucket.level(now, limit)
        )
    result["hold_remaining"] = max(0.0, state.hold_until - now)
    return result
