"""Stored chat completions: ``retrieve``, ``update``, ``list``, ``delete`` and ``messages.list``.

A chat completion created with ``store=True`` is kept by the API; these read it back, change its
metadata, list and delete them. ``ChatCompletions`` inherits the methods from here, so they are
on ``client.chat.completions`` as in the official package. Reading a stored completion back
shows its cost but does not bill it again (it was billed when created).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit.resources._common import async_list, list_query, path_with, sync_list
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.types.chat.chat_completion import ChatCompletion
from gptkit.types.chat.chat_completion_deleted import ChatCompletionDeleted
from gptkit.types.chat.completion_update_params import CompletionUpdateParams
from gptkit.types.request_options import RequestOptions

if TYPE_CHECKING:  # the pages and their items load with the first list call (see ``_pages``)
    from gptkit.pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
    from gptkit.types.chat.chat_completion_store_message import ChatCompletionStoreMessage

__all__ = ["AsyncMessages", "AsyncStoredCompletions", "Messages", "StoredCompletions"]

_ONE = "/chat/completions/{completion_id}"
RETRIEVE = Endpoint(method="GET", path=_ONE, response=ChatCompletion, records_usage=False)
UPDATE = Endpoint(method="POST", path=_ONE, response=ChatCompletion, records_usage=False,
                  validator=ParamValidator(CompletionUpdateParams, "chat.completions.update"))
DELETE = Endpoint(method="DELETE", path=_ONE, response=ChatCompletionDeleted)
_MESSAGES = _ONE + "/messages"


@functools.cache
def _pages(is_async: bool, *, messages: bool) -> Endpoint:
    """A list endpoint, made on first use: parametrising a page type builds its schema (a few
    ms each), which a program's first ``create`` should not pay (tests/test_cold_start.py)."""
    from gptkit.pagination import AsyncCursorPage, SyncCursorPage
    from gptkit.types.chat.chat_completion_store_message import ChatCompletionStoreMessage

    if messages:
        if is_async:
            return Endpoint(method="GET", path=_MESSAGES,
                            response=AsyncCursorPage[ChatCompletionStoreMessage])
        return Endpoint(method="GET", path=_MESSAGES, response=SyncCursorPage[ChatCompletionStoreMessage])
    if is_async:
        return Endpoint(method="GET", path="/chat/completions", response=AsyncCursorPage[ChatCompletion])
    return Endpoint(method="GET", path="/chat/completions", response=SyncCursorPage[ChatCompletion])

Order = Literal["asc", "desc"]


def _update_params(metadata: Mapping[str, str] | None, options: Mapping[str, Any]) -> dict[str, Any]:
    if metadata is not None:
        return {"metadata": metadata, **options}
    # None clears the metadata: sent as null (a None parameter is otherwise left out).
    return {**options, "extra_body": {"metadata": None, **(options.get("extra_body") or {})}}


def _path(template: str, call: str, completion_id: str) -> str:
    return path_with(template, f"chat.completions.{call}", completion_id=completion_id)


class Messages(SyncResource):
    """``client.chat.completions.messages``: the messages of a stored chat completion."""

    def list(
        self, completion_id: str, *, after: str | None = None, limit: int | None = None,
        order: Order | None = None, **options: Unpack[RequestOptions],
    ) -> SyncCursorPage[ChatCompletionStoreMessage]:
        """The messages of a stored completion (the prompt's): iterating goes through every page."""
        path = _path(_MESSAGES, "messages.list", completion_id)
        query = list_query("chat.completions.messages.list", after=after, limit=limit, order=order)
        endpoint = _pages(False, messages=True)
        result: SyncCursorPage[ChatCompletionStoreMessage] = sync_list(self, endpoint, query, options, path)
        return result


class AsyncMessages(AsyncResource):
    """``client.chat.completions.messages`` of an ``AsyncClient``."""

    def list(
        self, completion_id: str, *, after: str | None = None, limit: int | None = None,
        order: Order | None = None, **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[ChatCompletionStoreMessage, AsyncCursorPage[ChatCompletionStoreMessage]]:
        """The messages of a stored completion: ``await`` it for the page, ``async for`` each."""
        path = _path(_MESSAGES, "messages.list", completion_id)
        query = list_query("chat.completions.messages.list", after=after, limit=limit, order=order)
        result: AsyncPaginator[ChatCompletionStoreMessage, AsyncCursorPage[ChatCompletionStoreMessage]] = (
            async_list(self, _pages(True, messages=True), query, options, path))
        return result


class StoredCompletions(SyncResource):
    """The stored-completion methods of ``client.chat.completions``."""

    @property
    def messages(self) -> Messages:
        return self._sub(Messages)

    def retrieve(self, completion_id: str, **options: Unpack[RequestOptions]) -> ChatCompletion:
        """A chat completion created with ``store=True``."""
        path = _path(RETRIEVE.path, "retrieve", completion_id)
        result: ChatCompletion = self._client._execute(
            self._client._prepare(RETRIEVE, dict(options), raw=self._raw, path=path))
        return result

    def update(
        self, completion_id: str, *, metadata: Mapping[str, str] | None, **options: Unpack[RequestOptions]
    ) -> ChatCompletion:
        """Replace a stored completion's metadata (the only thing that can change)."""
        path = _path(UPDATE.path, "update", completion_id)
        result: ChatCompletion = self._client._execute(
            self._client._prepare(UPDATE, _update_params(metadata, options), raw=self._raw, path=path))
        return result

    def list(
        self, *, after: str | None = None, limit: int | None = None,
        metadata: Mapping[str, str] | None = None, model: str | None = None, order: Order | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncCursorPage[ChatCompletion]:
        """Stored chat completions (filtered by ``metadata`` and ``model``), page after page."""
        query = list_query("chat.completions.list", after=after, limit=limit, order=order,
                           metadata=metadata, model=model)
        endpoint = _pages(False, messages=False)
        result: SyncCursorPage[ChatCompletion] = sync_list(self, endpoint, query, options)
        return result

    def delete(self, completion_id: str, **options: Unpack[RequestOptions]) -> ChatCompletionDeleted:
        """Delete a stored chat completion."""
        path = _path(DELETE.path, "delete", completion_id)
        result: ChatCompletionDeleted = self._client._execute(
            self._client._prepare(DELETE, dict(options), raw=self._raw, path=path))
        return result


class AsyncStoredCompletions(AsyncResource):
    """The stored-completion methods of ``client.chat.completions`` on an ``AsyncClient``."""

    @property
    def messages(self) -> AsyncMessages:
        return self._sub(AsyncMessages)

    async def retrieve(self, completion_id: str, **options: Unpack[RequestOptions]) -> ChatCompletion:
        """A chat completion created with ``store=True``."""
        path = _path(RETRIEVE.path, "retrieve", completion_id)
        result: ChatCompletion = await self._client._execute(
            self._client._prepare(RETRIEVE, dict(options), raw=self._raw, path=path))
        return result

    async def update(
        self, completion_id: str, *, metadata: Mapping[str, str] | None, **options: Unpack[RequestOptions]
    ) -> ChatCompletion:
        """Replace a stored completion's metadata (the only thing that can change)."""
        path = _path(UPDATE.path, "update", completion_id)
        result: ChatCompletion = await self._client._execute(
            self._client._prepare(UPDATE, _update_params(metadata, options), raw=self._raw, path=path))
        return result

    def list(
        self, *, after: str | None = None, limit: int | None = None,
        metadata: Mapping[str, str] | None = None, model: str | None = None, order: Order | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[ChatCompletion, AsyncCursorPage[ChatCompletion]]:
        """Stored chat completions: ``await`` it for the first page, or ``async for`` each one."""
        query = list_query("chat.completions.list", after=after, limit=limit, order=order,
                           metadata=metadata, model=model)
        result: AsyncPaginator[ChatCompletion, AsyncCursorPage[ChatCompletion]] = (
            async_list(self, _pages(True, messages=False), query, options))
        return result

    async def delete(self, completion_id: str, **options: Unpack[RequestOptions]) -> ChatCompletionDeleted:
        """Delete a stored chat completion."""
        path = _path(DELETE.path, "delete", completion_id)
        result: ChatCompletionDeleted = await self._client._execute(
            self._client._prepare(DELETE, dict(options), raw=self._raw, path=path))
        return result
