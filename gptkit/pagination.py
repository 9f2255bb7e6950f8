"""Pages of list endpoints, shaped like the official package's ``openai.pagination``.

``client.fine_tuning.jobs.list()`` returns one page (``data``, ``has_more``...); iterating over
it yields every item, fetching the following pages as it goes (``for job in ...list()``).
``has_next_page()`` / ``get_next_page()`` / ``iter_pages()`` page by hand. The async client's
``list()`` returns an ``AsyncPaginator``: ``await`` it for the first page, or ``async for`` over
it for every item. Each further page is an ordinary call of the client (retries, rate limits,
events). A page that did not come from a client (built by hand) has no next page to fetch.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import PrivateAttr

from gptkit.types._base import ResponseObject

__all__ = [
    "AsyncConversationCursorPage",
    "AsyncCursorPage",
    "AsyncPage",
    "AsyncPaginator",
    "PageInfo",
    "SyncConversationCursorPage",
    "SyncCursorPage",
    "SyncPage",
]

T = TypeVar("T")
P = TypeVar("P")

logger: logging.Logger = logging.getLogger("gptkit")

_NO_NEXT = "No next page expected; check `.has_next_page()` before calling `.get_next_page()`."


@dataclass(frozen=True)
class PageInfo:
    """The query parameters that fetch the next page (``{"after": "<last id>"}``)."""

    params: Mapping[str, Any] = field(default_factory=dict)


class _BasePage(ResponseObject, Generic[T]):
    """``data`` and the way to the next page; the subclasses say where the cursor is."""

    # Only the fields the official page models declare, in their order: a page prints as the
    # official one does; what else the server sends (``object``, ``first_id``...) prints after
    # them, as sent (``_ListExtras`` reads those typed).
    data: list[T] = []
    #: Fetches the page with these extra query parameters (set by the client that fetched this).
    _fetch: Callable[[Mapping[str, Any]], Any] | None = PrivateAttr(default=None)

    def _get_page_items(self) -> list[T]:
        return self.data

    def next_page_info(self) -> PageInfo | None:
        """How to fetch the next page, or None when this is the last one."""
        return None

    def has_next_page(self) -> bool:
        """Whether another page follows this one."""
        return bool(self.data) and self.next_page_info() is not None

    def _next_fetch(self) -> Callable[[], Any]:
        """The call that fetches the next page (what it returns the caller awaits, if async)."""
        info = self.next_page_info()
        if info is None:
            raise RuntimeError(_NO_NEXT)
        fetch = self._fetch
        if fetch is None:
            raise RuntimeError("This page was not fetched by a client, so it cannot fetch the next one.")
        return lambda: fetch(info.params)

    def _continues(self, seen: set[str]) -> bool:
        """Whether ``iter_pages`` goes on past this page (``seen``: the cursors used so far)."""
        return self.has_next_page() and not _repeats(self, seen)

    def __len__(self) -> int:
        """The number of items on this page."""
        return len(self.data)


class _Cursor:
    """Next page: ``after=<id of the last item>`` while ``has_more`` is not False."""

    has_more: bool | None
    data: list[Any]

    def next_page_info(self) -> PageInfo | None:
        if self.has_more is False or not self.data:
            return None
        ident = getattr(self.data[-1], "id", None)
        return PageInfo({"after": ident}) if isinstance(ident, str) else None


class _ConversationCursor:
    """Next page: ``after=<last_id>`` while ``has_more`` is not False."""

    has_more: bool | None
    last_id: str | None

    def next_page_info(self) -> PageInfo | None:
        if self.has_more is False or not self.last_id:
            return None
        return PageInfo({"after": self.last_id})


class _ListExtras:
    """The list fields the official cursor pages do not declare, read from what the server sent."""

    def _extra(self, name: str) -> str | None:
        extra: dict[str, Any] | None = getattr(self, "__pydantic_extra__", None)
        value = (extra or {}).get(name)
        return value if isinstance(value, str) else None

    @property
    def object(self) -> str | None:
        """``"list"``, as the server sent it (None when it did not)."""
        return self._extra("object")

    @property
    def first_id(self) -> str | None:
        """The id of the page's first item, as the server sent it (None when it did not)."""
        return self._extra("first_id")


class _CursorListExtras(_ListExtras):
    """``_ListExtras`` plus ``last_id``, which the cursor pages (unlike the conversation ones) do
    not declare as a field."""

    @property
    def last_id(self) -> str | None:
        """The id of the page's last item, as the server sent it (None when it did not)."""
        return self._extra("last_id")


def _repeats(page: _BasePage[Any], seen: set[str]) -> bool:
    """True when the next page's cursor was used before: a server that ignores ``after`` would
    otherwise be paged through forever."""
    info = page.next_page_info()
    cursor = repr(sorted(info.params.items())) if info is not None else ""
    if cursor in seen:
        logger.warning("gptkit: the server sent the same page cursor twice (%s); stopping", cursor)
        return True
    seen.add(cursor)
    return False


class _SyncPage(_BasePage[T]):
    def get_next_page(self) -> Any:
        """Fetch the next page (``RuntimeError`` when there is none)."""
        return self._next_fetch()()

    def iter_pages(self) -> Iterator[Any]:
        """This page and every page after it, fetched one at a time."""
        page: _SyncPage[T] = self
        seen: set[str] = set()
        yield page
        while page._continues(seen):
            page = page.get_next_page()
            yield page

    def __iter__(self) -> Iterator[T]:  # type: ignore[override]
        for page in self.iter_pages():
            yield from page._get_page_items()


class _AsyncPage(_BasePage[T]):
    async def get_next_page(self) -> Any:
        """Fetch the next page (``RuntimeError`` when there is none)."""
        return await self._next_fetch()()

    async def iter_pages(self) -> AsyncIterator[Any]:
        """This page and every page after it, fetched one at a time."""
        page: _AsyncPage[T] = self
        seen: set[str] = set()
        yield page
        while page._continues(seen):
            page = await page.get_next_page()
            yield page

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page._get_page_items():
                yield item


class SyncPage(_SyncPage[T]):
    """A whole list in one page (``models.list()``): there is never a next page."""

    object: str | None = None


class AsyncPage(_AsyncPage[T]):
    """A whole list in one page (``models.list()``): there is never a next page."""

    object: str | None = None

    def __iter__(self) -> Iterator[T]:  # type: ignore[override]
        # The whole list is here, so a plain ``for`` needs no I/O (pre-1.0 scripts do this).
        return iter(self.data)


class SyncCursorPage(_Cursor, _CursorListExtras, _SyncPage[T]):
    """One page of a list that continues ``after`` its last item's id while ``has_more``."""

    has_more: bool | None = None


class AsyncCursorPage(_Cursor, _CursorListExtras, _AsyncPage[T]):
    """One page of a list that continues ``after`` its last item's id while ``has_more``."""

    has_more: bool | None = None


class SyncConversationCursorPage(_ConversationCursor, _ListExtras, _SyncPage[T]):
    """One page of a conversation's items; the next starts ``after`` its ``last_id``."""

    has_more: bool | None = None
    last_id: str | None = None


class AsyncConversationCursorPage(_ConversationCursor, _ListExtras, _AsyncPage[T]):
    """One page of a conversation's items; the next starts ``after`` its ``last_id``."""

    has_more: bool | None = None
    last_id: str | None = None


class AsyncPaginator(Generic[T, P]):
    """What an async client's ``list()`` returns: ``await`` it for the first page, or
    ``async for`` over it for every item of every page."""

    def __init__(self, first_page: Callable[[], Awaitable[P]]) -> None:
        self._first_page = first_page

    def __await__(self) -> Generator[Any, None, P]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page: Any = await self
        async for item in page:
            yield item

    def __repr__(self) -> str:
        return "<AsyncPaginator>"
