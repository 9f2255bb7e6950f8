"""Stream shells (placeholder until the streaming issue lands: iteration is not implemented)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Generic, TypeVar

__all__ = ["AsyncStream", "Stream"]

T = TypeVar("T")


class Stream(Generic[T]):
    """An iterator over a streamed response's typed chunks."""

    def __iter__(self) -> Iterator[T]:
        raise NotImplementedError


class AsyncStream(Generic[T]):
    """An async iterator over a streamed response's typed chunks."""

    def __aiter__(self) -> AsyncIterator[T]:
        raise NotImplementedError
