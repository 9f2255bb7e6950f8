"""The Redis connection shared by rate limits and budgets: clients, scripts, typed errors, reconnects.

``RedisBackend`` (rate limits) and ``RedisBudget`` each hold one ``RedisConnector``. It opens the
clients (a sync one, and one asyncio client per event loop: asyncio connections belong to the
loop that opened them), registers each Lua script once per client, and runs every command
through one door, ``run`` (sync) or ``arun`` (async), which:

- turns every exception of the ``redis`` package (and a socket's ``OSError``) into the caller's
  typed gptkit error, the original chained: nothing from redis-py reaches a user of a client;
- rides over a failover: a connection-level failure (refused, reset, timeout, ``LOADING``,
  ``READONLY`` after a promotion...) is retried with a growing pause for up to ``reconnect``
  seconds. Past that, Redis counts as down: later commands try once and fail fast, until one
  succeeds again.

An operation is written once, as a function of a ``Conn``: with a sync client it returns the
answer, with an asyncio client an awaitable of it, and the two doors call or await it. A
sync-only client serves async callers in a worker thread; an asyncio-only client cannot serve
sync callers (``TypeError``, at the first sync use).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import weakref
from collections.abc import Callable, Generator
from typing import Any, TypeVar

from gptkit._clock import get_clock
from gptkit._drive import adrive, drive
from gptkit._exceptions import BackendError
from gptkit._optional import require

__all__ = ["Conn", "RedisConnector", "import_redis"]

logger = logging.getLogger("gptkit")

T = TypeVar("T")

#: Replies that mean "not now" rather than "never": a server loading its data after a restart
#: (redis-py's ``BusyLoadingError`` is a ``ConnectionError``), a replica not yet promoted, a
#: cluster resharding, a script running long. redis-py strips the code from the classes' text.
_TRANSIENT_CLASSES = ("ReadOnlyError", "TryAgainError", "ClusterDownError", "MasterDownError")
_TRANSIENT_REPLIES = ("LOADING", "READONLY", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN", "BUSY")


def import_redis(feature: str) -> Any:
    """The ``redis`` package (with ``redis.asyncio``), or an ImportError naming the extra."""
    require("redis.asyncio", extra="redis", feature=feature)
    return require("redis", extra="redis", feature=feature)


class Conn:
    """One client and the scripts registered on it."""

    __slots__ = ("_scripts", "client")

    def __init__(self, client: Any) -> None:
        self.client: Any = client
        self._scripts: dict[str, Any] = {}

    def script(self, source: str) -> Any:
        """The ``redis`` Script object of ``source`` on this client (EVALSHA, EVAL if unknown)."""
        script = self._scripts.get(source)
        if script is None:
            script = self._scripts[source] = self.client.register_script(source)
        return script


class _Patience:
    """How long one command keeps trying: the sans-IO half of both doors."""

    __slots__ = ("deadline", "delay", "maybe_sent")

    def __init__(self, reconnect: float, patient: bool) -> None:
        self.deadline = get_clock().monotonic() + reconnect if patient else None
        self.delay = 0.05
        #: Whether a failed attempt may have reached Redis (and been run there): anything but
        #: a failure to connect. A caller that must undo such a command knows to.
        self.maybe_sent = False

    def next_wait(self, exc: BaseException, redis: Any) -> float | None:
        """Seconds to pause before trying again after ``exc``, or None to give up."""
        self.maybe_sent = self.maybe_sent or not _connect_failure(exc, redis)
        if self.deadline is None or not is_transient(exc, redis):
            return None
        remaining = self.deadline - get_clock().monotonic()
        if remaining <= 0:
            return None
        wait = min(self.delay, remaining)
        self.delay = min(self.delay * 2, 1.0)
        return wait


def is_transient(exc: BaseException, redis: Any) -> bool:
    """A failure that waiting may cure (the connection, not the command)."""
    if isinstance(exc, (redis.ConnectionError, redis.TimeoutError, OSError)):
        return True
    names = {klass.__name__ for klass in type(exc).__mro__}
    if names & set(_TRANSIENT_CLASSES):
        return True
    return isinstance(exc, redis.ResponseError) and str(exc).upper().startswith(_TRANSIENT_REPLIES)


def _connect_failure(exc: BaseException, redis: Any) -> bool:
    """The command cannot have been sent: no connection was made (redis-py says "connecting to"
    for a refused connection or a connect timeout)."""
    if isinstance(exc, (ConnectionRefusedError, socket.gaierror)):
        return True
    failed_to_connect = "connecting to" in str(exc).lower()
    return isinstance(exc, (redis.ConnectionError, redis.TimeoutError)) and failed_to_connect


class RedisConnector:
    """Clients, scripts and the two doors for one Redis (see the module docstring).

    ``target`` is a ``redis://`` / ``rediss://`` / ``unix://`` URL, a ``redis.Redis`` or a
    ``redis.asyncio.Redis``. Clients opened from a URL get ``timeout`` seconds for connecting
    and for each answer (a URL's own ``socket_timeout=`` wins) and no retries of their own:
    the connector does the retrying, bounded by ``reconnect`` seconds.
    """

    def __init__(
        self, target: str | Any, *, feature: str, error: type[BackendError], timeout: float = 2.0,
        reconnect: float = 5.0,
    ) -> None:
        redis = self._redis = import_redis(feature)
        if not (isinstance(timeout, (int, float)) and timeout > 0):
            raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
        if not (isinstance(reconnect, (int, float)) and reconnect >= 0):
            raise ValueError(f"reconnect must be a number of seconds >= 0, not {reconnect!r}")
        self.feature = feature
        self.error = error
        self.timeout: float = float(timeout)
        self.reconnect: float = float(reconnect)
        self._url: str | None = None
        self._sync: Conn | None = None
        self._own_sync = False
        self._given_async: Conn | None = None
        if isinstance(target, str):
            self._url = target
            self._sync = Conn(self._open(redis))  # checks the URL now; connects on first use
            self._own_sync = True
        elif isinstance(target, redis.asyncio.Redis):
            self._given_async = Conn(target)
        elif isinstance(target, redis.Redis):
            self._sync = Conn(target)
        else:
            raise TypeError(f"{feature} needs a redis:// URL or a redis client, not {target!r}")
        self._lock = threading.Lock()
        self._loops: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Conn] = weakref.WeakKeyDictionary()
        #: The last command failed at the connection: the next ones try once and fail fast.
        self.down: bool = False

    def _options(self, retry_module: Any, backoff: Any) -> dict[str, Any]:
        return {"socket_timeout": self.timeout, "socket_connect_timeout": self.timeout,
                "retry": retry_module.Retry(backoff.NoBackoff(), 0)}

    def _open(self, redis: Any, *, asynchronous: bool = False) -> Any:
        assert self._url is not None
        backoff = require("redis.backoff", extra="redis", feature=self.feature)
        if asynchronous:
            retry = require("redis.asyncio.retry", extra="redis", feature=self.feature)
            return redis.asyncio.Redis.from_url(self._url, **self._options(retry, backoff))
        retry = require("redis.retry", extra="redis", feature=self.feature)
        return redis.Redis.from_url(self._url, **self._options(retry, backoff))

    @property
    def has_sync(self) -> bool:
        """True when sync code (a ``Client``, a background thread) can use this Redis."""
        return self._sync is not None

    def where(self) -> str:
        """``host:port/db`` of the Redis, for messages (never a password)."""
        conn = self._sync or self._given_async
        if conn is None:
            return "?"
        kwargs = getattr(getattr(conn.client, "connection_pool", None), "connection_kwargs", {})
        if "path" in kwargs:
            return f"unix:{kwargs['path']}"
        return f"{kwargs.get('host', '?')}:{kwargs.get('port', '?')}/{kwargs.get('db', 0)}"

    # -- clients ------------------------------------------------------------------------------

    def sync_conn(self) -> Conn:
        if self._sync is None:
            raise TypeError(f"this {self.feature} holds an asyncio Redis client: a sync Client "
                            "needs a redis:// URL or a redis.Redis")
        return self._sync

    def async_conn(self) -> Conn | None:
        """This loop's connection (None: only a sync client, to be run in a worker thread)."""
        if self._given_async is not None:
            return self._given_async
        if self._url is None:
            return None
        loop = asyncio.get_running_loop()
        with self._lock:
            conn = self._loops.get(loop)
            if conn is None:
                conn = self._loops[loop] = Conn(self._open(self._redis, asynchronous=True))
            return conn

    # -- the two doors --------------------------------------------------------------------------

    def _errors(self) -> tuple[type[BaseException], ...]:
        return (self._redis.RedisError, OSError)

    def _failed(self, what: str, exc: BaseException, patience: _Patience) -> BackendError:
        transient = is_transient(exc, self._redis)
        if transient and not self.down:
            logger.warning("Redis at %s is unreachable (%s: %s); %s refused until it answers",
                           self.where(), type(exc).__name__, exc, self.feature)
        self.down = self.down or transient
        error = self.error(f"{what}: Redis at {self.where()} failed ({type(exc).__name__}: {exc}). "
                           "Nothing was sent.")
        error.maybe_applied = patience.maybe_sent
        return error

    def _answered(self) -> None:
        if self.down:
            self.down = False
            logger.warning("Redis at %s answers again; %s resumes", self.where(), self.feature)

    def _tries(self, what: str, patient: bool) -> Generator[float | None, Any, Any]:
        """One command's tries, written once: yields None to run the command (and is sent its
        answer, or has its error thrown in), or the seconds to pause before trying again."""
        patience = _Patience(self.reconnect, patient and not self.down)
        while True:
            try:
                result = yield None
            except self._errors() as exc:  # noqa: PERF203 - the retry loop of a failing command
                wait = patience.next_wait(exc, self._redis)
                if wait is None:
                    raise self._failed(what, exc, patience) from exc
                yield wait
            else:
                self._answered()
                return result

    def run(self, what: str, op: Callable[[Conn], T], *, patient: bool = True) -> T:
        """Run ``op`` on the sync client; ``patient``: ride over a failover (``reconnect`` s)."""
        conn, clock = self.sync_conn(), get_clock()
        tries = self._tries(what, patient)
        result: T = drive(tries, lambda wait: op(conn) if wait is None else clock.sleep(wait))
        return result

    async def arun(self, what: str, op: Callable[[Conn], Any], *, patient: bool = True) -> Any:
        """``run`` for async code: this loop's asyncio client, or the sync one in a thread."""
        conn, clock = self.async_conn(), get_clock()
        if conn is None:
            import anyio.to_thread

            return await anyio.to_thread.run_sync(lambda: self.run(what, op, patient=patient))
        return await adrive(self._tries(what, patient),
                            lambda wait: op(conn) if wait is None else clock.asleep(wait))

    # -- closing --------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the sync client gptkit opened (it reopens on the next use)."""
        if self._own_sync and self._sync is not None:
            try:
                self._sync.client.close()
            except Exception:  # closing a broken connection must not raise
                logger.debug("closing the Redis client failed", exc_info=True)

    async def aclose(self) -> None:
        """Close this loop's asyncio client gptkit opened, and the sync one."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # pragma: no cover - called from async code
            loop = None
        with self._lock:
            conn = self._loops.pop(loop, None) if loop is not None else None
        if conn is not None:
            try:
                closing = getattr(conn.client, "aclose", None) or conn.client.close  # redis < 5.0.1
                await closing()
            except Exception:
                logger.debug("closing the asyncio Redis client failed", exc_info=True)
        self.close()
