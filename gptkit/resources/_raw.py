"""The response objects of ``with_streaming_response`` and the client-level raw views.

``with client.chat.completions.with_streaming_response.create(...) as response:`` gives a
``StreamedAPIResponse``: the official package's streamed response shape (``parse()``, ``read()``,
``text()``, ``json()``, ``iter_bytes()``/``iter_text()``/``iter_lines()``, ``close()`` and the
HTTP facts). On an ``AsyncClient`` it is an ``AsyncStreamedAPIResponse`` whose reading methods are
awaited (``await response.parse()``). ``client.with_raw_response.chat.completions.create(...)``
is ``client.chat.completions.with_raw_response.create(...)``, and so on for every resource.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Generic, TypeVar

import httpx

from gptkit._core._base import APIResponse

__all__ = ["AsyncStreamedAPIResponse", "ClientResponses", "StreamedAPIResponse"]

T = TypeVar("T")


class _Facts(Generic[T]):
    """The HTTP facts both shapes share, read from the call's ``APIResponse``."""

    def __init__(self, raw: APIResponse[Any]) -> None:
        self._raw = raw

    @property
    def http_response(self) -> httpx.Response:
        return self._raw.http_response

    @property
    def http_request(self) -> httpx.Request:
        return self._raw.http_response.request

    @property
    def headers(self) -> httpx.Headers:
        return self._raw.http_response.headers

    @property
    def status_code(self) -> int:
        return self._raw.http_response.status_code

    @property
    def url(self) -> httpx.URL:
        return self._raw.http_response.url

    @property
    def method(self) -> str:
        return self._raw.http_response.request.method

    @property
    def http_version(self) -> str:
        return self._raw.http_response.http_version

    @property
    def elapsed(self) -> float:
        """Seconds from sending the request to receiving the whole response."""
        return self._raw.elapsed

    @property
    def request_id(self) -> str | None:
        return self._raw.request_id

    @property
    def is_closed(self) -> bool:
        return self._raw.http_response.is_closed

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {type(self._raw.parse()).__name__}>"


class StreamedAPIResponse(_Facts[T]):
    """A call's response under ``with_streaming_response`` (closed when the block ends)."""

    def parse(self) -> T:
        """The typed object (a ``Stream`` for a streamed call)."""
        parsed: T = self._raw.parse()
        return parsed

    def read(self) -> bytes:
        """The body's bytes."""
        return self._raw.http_response.read()

    def text(self) -> str:
        self.read()
        return self._raw.http_response.text

    def json(self) -> object:
        self.read()
        return self._raw.http_response.json()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self._raw.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self._raw.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self._raw.http_response.iter_lines()

    def close(self) -> None:
        """Release the connection."""
        self._raw.http_response.close()


class AsyncStreamedAPIResponse(_Facts[T]):
    """``StreamedAPIResponse`` of an ``AsyncClient``: ``await response.parse()``."""

    async def parse(self) -> T:
        """The typed object (an ``AsyncStream`` for a streamed call)."""
        parsed: T = self._raw.parse()
        return parsed

    async def read(self) -> bytes:
        """The body's bytes."""
        return await self._raw.http_response.aread()

    async def text(self) -> str:
        await self.read()
        return self._raw.http_response.text

    async def json(self) -> object:
        await self.read()
        return self._raw.http_response.json()

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        async for chunk in self._raw.http_response.aiter_bytes(chunk_size):
            yield chunk

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        async for chunk in self._raw.http_response.aiter_text(chunk_size):
            yield chunk

    async def iter_lines(self) -> AsyncIterator[str]:
        async for line in self._raw.http_response.aiter_lines():
            yield line

    async def close(self) -> None:
        """Release the connection."""
        await self._raw.http_response.aclose()


class ClientResponses:
    """``client.with_raw_response`` / ``client.with_streaming_response``: every resource's view.

    ``client.with_raw_response.files.list()`` is ``client.files.with_raw_response.list()``.
    """

    def __init__(self, client: Any, view: str) -> None:
        self._client = client
        self._view = view

    def __getattr__(self, name: str) -> Any:
        from gptkit.resources._resource import _Resource

        if name.startswith("_"):
            raise AttributeError(name)
        resource = getattr(self._client, name)
        if not isinstance(resource, _Resource):
            raise AttributeError(f"{type(self._client).__name__}.{self._view} has no resource {name!r}")
        return getattr(resource, self._view)

    def __dir__(self) -> list[str]:
        from gptkit._core._lazy import lazy_names

        return sorted(lazy_names(type(self._client)))

    def __repr__(self) -> str:
        return f"<{type(self._client).__name__}.{self._view}>"
