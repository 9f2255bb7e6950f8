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

__all__ = ["WORKLOAD_IDENTITY_API_KEY_PLACEHOLDER", "APIKeyProvider", "AsyncAPIKeyProvider", "KeyProvider",
           "workload_key_provider"]

#: What ``client.api_key`` shows for a client authenticated by workload identity (the official
#: client's placeholder): the exchanged token itself is never shown.
WORKLOAD_IDENTITY_API_KEY_PLACEHOLDER = "workload-identity-auth"

#: What a ``Client`` takes as ``api_key=`` besides a string: a function returning the key.
APIKeyProvider: TypeAlias = Callable[[], str]
#: What an ``AsyncClient`` takes: a coroutine function returning the key, or a plain function.
AsyncAPIKeyProvider: TypeAlias = Callable[[], "Awaitable[str] | str"]


class KeyProvider:
    """A callable that returns the API key, called before each attempt (retries included)."""

    __slots__ = ("_last", "auth", "function")

    def __init__(self, function: Callable[[], Any], *, is_async: bool, auth: Any = None) -> None:
        if not is_async and inspect.iscoroutinefunction(function):
            raise TypeError("api_key is a coroutine function: a Client needs one that returns the key "
                            "(an async one goes with gptkit.AsyncClient)")
        self.function = function
        #: The workload-identity token cache (``gptkit.auth``) behind ``function``, if it is one.
        self.auth = auth
        self._last: Secret | None = None

    @property
    def last(self) -> str:
        """The key the provider returned last ("" before the first call), as ``client.api_key``;
        a workload identity's placeholder, as the official client shows."""
        if self.auth is not None:
            return WORKLOAD_IDENTITY_API_KEY_PLACEHOLDER
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

    def renew(self) -> bool:
        """After the API refused the last key (401): whether another try may succeed with a new
        one; a workload identity's token is dropped, so the next ``get`` exchanges again."""
        if self.auth is None or self._last is None:
            return False
        self.auth.invalidate_token(self._last.reveal())
        return True

    def identity(self) -> str:
        """Whose limits the calls count against: the provider (its keys rotate, the account stays)."""
        if self.auth is not None:
            identity = self.auth.workload_identity
            return f"workload identity {identity['identity_provider_id']}/{identity['service_account_id']}"
        module = getattr(self.function, "__module__", "")
        return f"api_key provider {module}.{getattr(self.function, '__qualname__', '')}"

    def __repr__(self) -> str:
        return f"KeyProvider({getattr(self.function, '__qualname__', type(self.function).__name__)})"


def workload_key_provider(workload_identity: Any, *, is_async: bool) -> KeyProvider:
    """The ``KeyProvider`` of ``workload_identity=``: a ``gptkit.auth`` token cache (built here
    from the identity dict, or a copy's, shared so copies keep the token) asked before each attempt."""
    from gptkit.auth._exchange import WorkloadIdentityAuth, X509WorkloadIdentityAuth  # only for such clients
    from gptkit.auth._identity import check_identity, is_x509

    auth = workload_identity
    if not isinstance(auth, (WorkloadIdentityAuth, X509WorkloadIdentityAuth)):
        check_identity(workload_identity)
        identity = dict(workload_identity)  # captured: changing the caller's dict changes nothing
        auth = (X509WorkloadIdentityAuth(workload_identity=identity) if is_x509(identity)  # type: ignore[arg-type]
                else WorkloadIdentityAuth(workload_identity=identity))  # type: ignore[arg-type]
    return KeyProvider(auth.get_token_async if is_async else auth.get_token, is_async=is_async, auth=auth)
