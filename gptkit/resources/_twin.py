"""An ``AsyncClient`` resource's methods, derived from the ``Client`` resource's: written once.

A resource method's body only describes its calls: it builds the request and hands it to
``self._send`` (one call) or ``self._list`` (a list), or, for a method of several steps
(``create_and_poll``), yields each step from a generator run by ``self._steps``. On a
``SyncResource`` those run the call and give its result; on an ``AsyncResource`` they give
something to await. So the same function serves both clients, and the async class only names
it: ``create = twin(Files.create)``. The signature, the docstring and the parameters' types are
the sync method's: ``inspect.signature`` and type checkers (through the ``ParamSpec``) see the
same parameters, with the result awaited (``twin``) or a page of the async kind (``twin_list``).
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Concatenate, Generic, TypeAlias, TypeVar, overload

from typing_extensions import ParamSpec, Self

if TYPE_CHECKING:  # the pages load with the first list call (tests/test_cold_start.py)
    from gptkit.pagination import (
        AsyncConversationCursorPage,
        AsyncCursorPage,
        AsyncPage,
        AsyncPaginator,
        SyncConversationCursorPage,
        SyncCursorPage,
        SyncPage,
    )

__all__ = ["AsyncListTwin", "AsyncTwin", "Awaits", "twin", "twin_list"]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
A = TypeVar("A")
#: What an ``AsyncClient`` resource's method gives for a sync method's ``T``: a coroutine of it.
Awaits: TypeAlias = Coroutine[Any, Any, T]


class AsyncTwin(Generic[P, R]):
    """The async method of a sync resource method ``method``: same parameters, awaited result."""

    def __init__(self, method: Callable[Concatenate[Any, P], R]) -> None:
        @functools.wraps(method)
        async def run(resource: Any, *args: Any, **kwargs: Any) -> Any:
            return await method(resource, *args, **kwargs)  # type: ignore[misc]  # a coroutine here

        self._run = run

    @overload
    def __get__(self, resource: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(
        self, resource: object, owner: type[Any] | None = None
    ) -> Callable[P, Coroutine[Any, Any, R]]: ...
    def __get__(self, resource: object, owner: type[Any] | None = None) -> Any:
        return self if resource is None else types.MethodType(self._run, resource)


class AsyncListTwin(Generic[P, T, A]):
    """The async method of a sync list method: same parameters, an ``AsyncPaginator`` of pages ``A``."""

    def __init__(self, method: Callable[Concatenate[Any, P], Any]) -> None:
        self._method = method  # ``self._list`` already answers with the async kind of page

    @overload
    def __get__(self, resource: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(
        self, resource: object, owner: type[Any] | None = None
    ) -> Callable[P, AsyncPaginator[T, A]]: ...
    def __get__(self, resource: object, owner: type[Any] | None = None) -> Any:
        return self if resource is None else types.MethodType(self._method, resource)


def twin(method: Callable[Concatenate[Any, P], R]) -> AsyncTwin[P, R]:
    """The async twin of a ``SyncResource`` method (see the module's docstring)."""
    return AsyncTwin(method)


@overload
def twin_list(
    method: Callable[Concatenate[Any, P], SyncCursorPage[T]],
) -> AsyncListTwin[P, T, AsyncCursorPage[T]]: ...
@overload
def twin_list(
    method: Callable[Concatenate[Any, P], SyncConversationCursorPage[T]],
) -> AsyncListTwin[P, T, AsyncConversationCursorPage[T]]: ...
@overload
def twin_list(method: Callable[Concatenate[Any, P], SyncPage[T]]) -> AsyncListTwin[P, T, AsyncPage[T]]: ...
def twin_list(method: Callable[Concatenate[Any, P], Any]) -> AsyncListTwin[P, Any, Any]:
    """The async twin of a ``SyncResource`` list method: an ``AsyncPaginator`` of the async pages."""
    return AsyncListTwin(method)
