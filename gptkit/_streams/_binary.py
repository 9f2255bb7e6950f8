"""Binary responses (generated audio): read in full, or streamed as they arrive.

``HttpxBinaryResponseContent`` is what ``audio.speech.create`` returns: the whole body, with
``content``, ``write_to_file`` and iterators (sync and ``a``-prefixed async ones), as the
official package returns it. ``with_streaming_response`` gets a ``StreamedBinaryAPIResponse``
(``AsyncStreamedBinaryAPIResponse``) instead, whose body is read only as the caller iterates or
streams it to a file. A connection that breaks while the body is read raises gptkit's typed
``APIConnectionError`` / ``APITimeoutError``, never a bare httpx error.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import httpx

from gptkit._core._errors import map_transport_error

if TYPE_CHECKING:
    from gptkit.types.cost import Cost

__all__ = [
    "AsyncStreamedBinaryAPIResponse",
    "HttpxBinaryResponseContent",
    "StreamedBinaryAPIResponse",
    "binary_content",
]


class _Binary:
    """What every binary response exposes: the HTTP response, its request id and its cost."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self._cost: Cost | None = None

    @property
    def http_response(self) -> httpx.Response:
        return self.response

    @property
    def headers(self) -> httpx.Headers:
        return self.response.headers

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def request_id(self) -> str | None:
        """The server's ``x-request-id``."""
        value: str | None = self.response.headers.get("x-request-id")
        return value

    @property
    def cost(self) -> Cost | None:
        """What the call cost (None when unknown: see ``gptkit.price_of``)."""
        return self._cost

    @property
    def encoding(self) -> str | None:
        return self.response.encoding

    @property
    def is_closed(self) -> bool:
        return self.response.is_closed

    def _iterate(self, chunks: Iterator[Any]) -> Iterator[Any]:
        try:
            yield from chunks
        except httpx.TransportError as exc:
            raise map_transport_error(exc, self.response.request) from exc

    async def _aiterate(self, chunks: AsyncIterator[Any]) -> AsyncIterator[Any]:
        try:
            async for chunk in chunks:
                yield chunk
        except httpx.TransportError as exc:
            raise map_transport_error(exc, self.response.request) from exc

    def _read_error(self, exc: httpx.TransportError) -> Exception:
        return map_transport_error(exc, self.response.request)

    def _parsed(self) -> HttpxBinaryResponseContent:
        """The body, read in full by now, as ``audio.speech.create`` returns it."""
        content = HttpxBinaryResponseContent(self.response)
        content._cost = self._cost
        return content

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] request_id={self.request_id!r}>"


def _write(chunks: Iterator[bytes], file: str | os.PathLike[str]) -> None:
    with open(file, mode="wb") as handle:
        for chunk in chunks:
            handle.write(chunk)


class _SyncBody(_Binary):
    """The sync iterators and file writers of a body read in full or as it arrives."""

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self._iterate(self.response.iter_bytes(chunk_size))

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self._iterate(self.response.iter_text(chunk_size))

    def iter_lines(self) -> Iterator[str]:
        return self._iterate(self.response.iter_lines())

    def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        """Write the body to ``file`` as it arrives (with ``with_streaming_response``; a body
        already read in full is written at once, as ``write_to_file`` does)."""
        _write(self.iter_bytes(chunk_size), file)

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the body to ``file``."""
        _write(self.iter_bytes(), file)

    def close(self) -> None:
        self.response.close()


class HttpxBinaryResponseContent(_SyncBody):
    """A binary response read in full: ``content``, ``text``, ``write_to_file(path)``."""

    @property
    def content(self) -> bytes:
        return self.response.content

    @property
    def text(self) -> str:
        return self.response.text

    @property
    def charset_encoding(self) -> str | None:
        return self.response.charset_encoding

    def json(self, **kwargs: Any) -> Any:
        return self.response.json(**kwargs)

    def read(self) -> bytes:
        return self.response.read()

    def iter_raw(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self._iterate(self.response.iter_raw(chunk_size))

    async def aread(self) -> bytes:
        return await self.response.aread()

    def aiter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return self._aiterate(self.response.aiter_bytes(chunk_size))

    def aiter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        return self._aiterate(self.response.aiter_text(chunk_size))

    def aiter_lines(self) -> AsyncIterator[str]:
        return self._aiterate(self.response.aiter_lines())

    def aiter_raw(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return self._aiterate(self.response.aiter_raw(chunk_size))

    async def astream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        """Write the bytes to ``file``."""
        _write(self.iter_bytes(chunk_size), file)

    async def aclose(self) -> None:
        await self.response.aclose()


class StreamedBinaryAPIResponse(_SyncBody):
    """A binary response whose body is read as it is used (``with_streaming_response``)."""

    def parse(self) -> HttpxBinaryResponseContent:
        """Read the whole body."""
        self.read()
        return self._parsed()

    def read(self) -> bytes:
        try:
            return self.response.read()
        except httpx.TransportError as exc:
            raise self._read_error(exc) from exc

    @property
    def content(self) -> bytes:
        """The whole body (read now if it was not yet)."""
        return self.read()

    def text(self) -> str:
        self.read()
        return self.response.text

    def json(self, **kwargs: Any) -> Any:
        self.read()
        return self.response.json(**kwargs)


class AsyncStreamedBinaryAPIResponse(_Binary):
    """The async twin of ``StreamedBinaryAPIResponse``: ``await response.stream_to_file(path)``."""

    async def parse(self) -> HttpxBinaryResponseContent:
        await self.read()
        return self._parsed()

    async def read(self) -> bytes:
        try:
            return await self.response.aread()
        except httpx.TransportError as exc:
            raise self._read_error(exc) from exc

    async def text(self) -> str:
        await self.read()
        return self.response.text

    async def json(self, **kwargs: Any) -> Any:
        await self.read()
        return self.response.json(**kwargs)

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return self._aiterate(self.response.aiter_bytes(chunk_size))

    def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        return self._aiterate(self.response.aiter_text(chunk_size))

    def iter_lines(self) -> AsyncIterator[str]:
        return self._aiterate(self.response.aiter_lines())

    async def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        """Write the body to ``file`` as it arrives."""
        with open(file, mode="wb") as handle:
            async for chunk in self.iter_bytes(chunk_size):
                handle.write(chunk)

    async def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the body to ``file``."""
        await self.stream_to_file(file)

    async def close(self) -> None:
        await self.response.aclose()


def binary_content(response: httpx.Response) -> HttpxBinaryResponseContent:
    """An endpoint's ``parse`` hook for a binary body read in full."""
    return HttpxBinaryResponseContent(response)

