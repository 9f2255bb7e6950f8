"""What every resource shares: its client, the raw-response switch and sub-resources."""

from __future__ import annotations

import copy
import inspect
from collections.abc import Awaitable, Callable, Coroutine, Generator, Mapping
from contextlib import AbstractContextManager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from typing_extensions import Self

from gptkit._clock import get_clock
from gptkit._core._base import APIResponse, Endpoint
from gptkit.resources._common import list_pages
from gptkit.resources._raw import AsyncStreamedAPIResponse, StreamedAPIResponse

if TYPE_CHECKING:
    from gptkit._core._client import AsyncClient, Client

__all__ = ["AsyncResource", "Sub", "SyncResource"]

R = TypeVar("R", bound="_Resource")
T = TypeVar("T")
S = TypeVar("S", bound="_Resource")
A = TypeVar("A", bound="_Resource")
#: A method of several calls, as a generator that yields each call (``self._send(...)``,
#: ``self.create(...)``, ``self._sleep(s)``) and is sent its result back (see ``_twin``).
Steps = Generator[Any, Any, T]


class _Resource:
    #: Whether the client is an ``AsyncClient`` (its calls give something to await).
    _is_async = False

    def __init__(self, client: Any) -> None:
        self._client = client
        self._raw = False
        #: Set on ``with_streaming_response`` copies: a binary body is handed over unread.
        self._streaming = False

    @property
    def with_raw_response(self) -> Any:
        """This resource, returning ``APIResponse`` objects (status, headers, ``parse()``)."""
        clone = copy.copy(self)
        clone.__dict__ = {k: v for k, v in self.__dict__.items() if not isinstance(v, _Resource)}
        clone._raw = True
        return clone

    @property
    def with_streaming_response(self) -> Any:
        """This resource, each method returning a context manager of its response.

        ``with client.audio.speech.with_streaming_response.create(...) as response:`` gets the
        response before its body is read (``response.stream_to_file(path)``, ``iter_bytes()``);
        other methods give a ``StreamedAPIResponse`` (``response.parse()``, ``headers``,
        ``read()``...; on an ``AsyncClient`` ``await response.parse()``). The response is closed
        when the block ends.
        """
        clone = copy.copy(self)
        clone.__dict__ = {k: v for k, v in self.__dict__.items() if not isinstance(v, _Resource)}
        clone._raw = True
        clone._streaming = True
        return _StreamingMethods(clone)

    def _send(
        self, endpoint: Endpoint, params: Mapping[str, Any], path: str | None = None, files: Any = None
    ) -> Any:
        """One call of ``endpoint``: its result (on an ``AsyncClient``, a coroutine of it)."""
        client = self._client
        return client._execute(client._prepare(endpoint, params, raw=self._raw, path=path, files=files))

    def _upload(
        self, endpoint: Endpoint, params: Mapping[str, Any], parts: AbstractContextManager[Any], *,
        stream: bool = False, path: str | None = None,
    ) -> Any:
        """One multipart call of ``endpoint``: the files of ``parts`` (a context manager giving
        ``files=``) stay open until the call has sent them; on an ``AsyncClient``, until the
        awaited call has."""
        return self._steps(_upload_steps(self, endpoint, params, parts, stream, path))

    def _list(
        self, endpoints: tuple[Endpoint, Endpoint], query: Mapping[str, Any], options: Mapping[str, Any],
        path: str | None = None, body: Mapping[str, Any] | None = None,
    ) -> Any:
        """The first page of a list call (``endpoints``: its sync and async page types; on an
        ``AsyncClient`` an ``AsyncPaginator``)."""
        return list_pages(self, endpoints, query, options, path, body)

    if TYPE_CHECKING:  # each client's kind of resource runs them (below): a result, or its coroutine

        def _steps(self, steps: Steps[T]) -> Any: ...
        def _sleep(self, seconds: float) -> Any: ...
        def _then(self, result: Any, finish: Callable[[Any], T]) -> Any: ...

    def _sub(self, cls: type[R]) -> R:
        """The sub-resource ``cls`` (``client.audio.speech``), built once, raw if this one is."""
        name = "_sub_" + cls.__name__
        sub = self.__dict__.get(name)
        if sub is None:
            sub = self.__dict__[name] = cls(self._client)
            sub._raw, sub._streaming = self._raw, self._streaming
        return sub


def _upload_steps(
    resource: _Resource, endpoint: Endpoint, params: Mapping[str, Any], parts: AbstractContextManager[Any],
    stream: bool, path: str | None,
) -> Steps[Any]:
    client = resource._client
    with parts as files:
        call = client._prepare(endpoint, params, stream=stream, raw=resource._raw, path=path, files=files)
        return (yield client._execute(call))


class Sub(Generic[S, A]):
    """A sub-resource, declared once for both clients: ``completions: Final = Sub(ChatCompletions,
    AsyncChatCompletions)`` gives a ``ChatCompletions`` on a ``Client``'s resource and an
    ``AsyncChatCompletions`` on an ``AsyncClient``'s, built on first use (raw if the resource is),
    then read from the resource itself (a raw view's copy drops it and builds its own)."""

    def __init__(self, sync: type[S], aio: type[A]) -> None:
        self._classes = (sync, aio)
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, resource: None, owner: type) -> Self: ...
    @overload
    def __get__(self, resource: AsyncResource, owner: type | None = None) -> A: ...
    @overload
    def __get__(self, resource: _Resource, owner: type | None = None) -> S: ...
    def __get__(self, resource: _Resource | None, owner: type | None = None) -> Any:
        if resource is None:
            return self
        sub = resource.__dict__[self._name] = resource._sub(self._classes[resource._is_async])
        return sub


class _StreamingMethods:
    """``with_streaming_response``: the resource's methods, each wrapped in a context manager."""

    def __init__(self, resource: _Resource) -> None:
        self._resource = resource

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._resource, name)
        if isinstance(attr, _Resource):
            return _StreamingMethods(attr)
        if not callable(attr):
            return attr
        is_async = self._resource._is_async

        def method(*args: Any, **kwargs: Any) -> Any:
            if is_async:
                return _AsyncResponseContext(lambda: attr(*args, **kwargs))
            return _ResponseContext(lambda: attr(*args, **kwargs))

        return method


def _close_sync(response: Any) -> None:
    close = getattr(response, "close", None)
    if close is None:
        http = getattr(response, "http_response", None)
        close = getattr(http, "close", None)
    if close is not None:
        close()


class _ResponseContext:
    """``with ...with_streaming_response.method(...) as response:`` (the call runs on entry)."""

    def __init__(self, run: Any) -> None:
        self._run = run
        self._response: Any = None

    def __enter__(self) -> Any:
        result = self._run()
        self._response = StreamedAPIResponse(result) if isinstance(result, APIResponse) else result
        return self._response

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._response is not None:
            _close_sync(self._response)


class _AsyncResponseContext:
    """``async with ...with_streaming_response.method(...) as response:``."""

    def __init__(self, run: Any) -> None:
        self._run = run
        self._response: Any = None

    async def __aenter__(self) -> Any:
        result = self._run()
        if inspect.isawaitable(result):
            result = await result
        self._response = AsyncStreamedAPIResponse(result) if isinstance(result, APIResponse) else result
        return self._response

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        response = self._response
        if response is None:
            return
        close = getattr(response, "close", None)
        if close is not None and inspect.iscoroutinefunction(close):
            await close()
            return
        http = getattr(response, "http_response", None)
        aclose = getattr(http, "aclose", None)
        if aclose is not None:
            await aclose()


class SyncResource(_Resource):
    """A resource of a ``Client``."""

    _client: Client

    def _steps(self, steps: Steps[T]) -> T:
        """Run a method of several calls: here each step has run by the time it is yielded."""
        try:
            result = next(steps)
            while True:
                result = steps.send(result)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    def _sleep(self, seconds: float) -> None:
        get_clock().sleep(seconds)

    def _then(self, result: Any, finish: Callable[[Any], T]) -> T:
        """``finish(result)`` of a call made in a method written once (``_twin``)."""
        return finish(result)


class AsyncResource(_Resource):
    """A resource of an ``AsyncClient``."""

    _client: AsyncClient
    _is_async = True

    async def _steps(self, steps: Steps[T]) -> T:
        """Run a method of several calls: each step yielded is awaited, its result sent back
        (its error thrown back in, as it would have been raised there by a sync call)."""
        result: Any = None
        error: Exception | None = None
        while True:
            try:
                step = steps.send(result) if error is None else steps.throw(error)
            except StopIteration as done:
                return done.value  # type: ignore[no-any-return]
            try:
                result, error = await step, None
            except Exception as exc:  # handed back to the method's own code, as a sync call raises it
                result, error = None, exc

    def _sleep(self, seconds: float) -> Coroutine[Any, Any, None]:
        return get_clock().asleep(seconds)

    async def _then(self, result: Awaitable[Any], finish: Callable[[Any], T]) -> T:
        """``finish`` of the awaited ``result`` of a call made in a method written once."""
        return finish(await result)
