"""``api_key=`` given as a callable: the key is asked for before every attempt, as the official
client does, so a rotating credential (a vault, a short-lived token) is always current.

``KeyProvider`` holds the callable and the last key it returned (``client.api_key`` reports it,
as the official client's attribute does); neither its repr nor any error shows the key.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any, TypeAlias

from gptkit._core._config import Secret

__all__ = ["APIKeyProvider", "AsyncAPIKeyProvider", "KeyProvider"]

#: What a ``Client`` takes as ``api_key=`` besides a string: a function returning the key.
APIKeyProvider: TypeAlias = Callable[[], str]
#: What an ``AsyncClient`` takes: a coroutine function returning the key, or a plain function.
AsyncAPIKeyProvider: TypeAlias = Callable[[], "Awaitable[str] | str"]


class KeyProvider:
    """A callable that returns the API key, called before each attempt (retries included)."""

    __slots__ = ("_last", "function")

    def __init__(self, function: Callable[[], Any], *, is_async: bool) -> None:
        if not is_async and inspect.iscoroutinefunction(function):
            raise TypeError("api_key is a coroutine function: a Client needs one that returns the key "
                            "(an async one goes with gptkit.AsyncClient)")
        self.function = function
        self._last: Secret | None = None

    @property
    def last(self) -> str:
        """The key the provider returned last ("" before the first call), as ``client.api_key``."""
        return self._last.reveal() if self._last is not None else ""

    def get(self) -> str:
        """Ask the provider for the key (a synchronous client)."""
        return self._keep(self.function())

    async def aget(self) -> str:
        """Ask the provider for the key, awaiting it when it is a coroutine (an async client)."""
        value = self.function()
        if inspect.isawaitable(value):
            value = await value
        return self._keep(value)

    def _keep(self, value: object) -> str:
        if not isinstance(value, str) or not value:
            # Never the value itself in the message: it may be a key of the wrong type.
            raise TypeError(f"the api_key provider must return the key as a non-empty string, "
                            f"not {type(value).__name__ if value != '' else 'an empty string'}")
        self._last = Secret(value)
        return value

    def identity(self) -> str:
        """Whose limits the calls count against: the provider (its keys rotate, the account stays)."""
        module = getattr(self.function, "__module__", "")
        return f"api_key provider {module}.{getattr(self.function, '__qualname__', '')}"

    def __repr__(self) -> str:
        return f"KeyProvider({getattr(self.function, '__qualname__', type(self.function).__name__)})"
