"""Stored chat completions: ``retrieve``, ``update``, ``list``, ``delete`` and ``messages.list``.

A chat completion created with ``store=True`` is kept by the API; these read it back, change its
metadata, list and delete them. ``ChatCompletions`` inherits the methods from here, so they are
on ``client.chat.completions`` as in the official package. Reading a stored completion back
shows its cost but does not bill it again (it was billed when created). The ``Async`` classes
run the same methods (``gptkit.resources._twin``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, cast

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit.resources._common import list_query, path_with
from gptkit.resources._resource import AsyncResource, Sub, SyncResource
from gptkit.resources._twin import twin, twin_list
from gptkit.types.chat.chat_completion import ChatCompletion
from gptkit.types.chat.chat_completion_deleted import ChatCompletionDeleted
from gptkit.types.chat.completion_update_params import CompletionUpdateParams
from gptkit.types.request_options import RequestOptions

if TYPE_CHECKING:  # the pages and their items load with the first list call (see ``_pages``)
    from gptkit.pagination import SyncCursorPage
    from gptkit.types.chat.chat_completion_store_message import ChatCompletionStoreMessage

__all__ = ["AsyncMessages", "AsyncStoredCompletions", "Messages", "StoredCompletions"]

_ONE = "/chat/completions/{completion_id}"
RETRIEVE = Endpoint(method="GET", path=_ONE, response=ChatCompletion, records_usage=False)
UPDATE = Endpoint(method="POST", path=_ONE, response=ChatCompletion, records_usage=False,
                  validator=ParamValidator(CompletionUpdateParams, "chat.completions.update"))
DELETE = Endpoint(method="DELETE", path=_ONE, response=ChatCompletionDeleted)
_MESSAGES = _ONE + "/messages"


@functools.cache
def _pages(*, messages: bool) -> tuple[Endpoint, Endpoint]:
    """A list's (sync, async) endpoints, made on first use: parametrising a page type builds its
    schema (a few ms each), which a program's first ``create`` should not pay
    (tests/test_cold_start.py)."""
    from gptkit.pagination import AsyncCursorPage, SyncCursorPage
    from gptkit.types.chat.chat_completion_store_message import ChatCompletionStoreMessage

    item = ChatCompletionStoreMessage if messages else ChatCompletion
    path = _MESSAGES if messages else "/chat/completions"
    return (Endpoint(method="GET", path=path, response=SyncCursorPage[item]),  # type: ignore[valid-type]
            Endpoint(method="GET", path=path, response=AsyncCursorPage[item]))  # type: ignore[valid-type]

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
        """The messages of a stored completion (the prompt's): iterating goes through every page
        (async: ``await`` it for the page, ``async for`` each)."""
        path = _path(_MESSAGES, "messages.list", completion_id)
        query = list_query("chat.completions.messages.list", after=after, limit=limit, order=order)
        pages = self._list(_pages(messages=True), query, options, path)
        return cast("SyncCursorPage[ChatCompletionStoreMessage]", pages)


class AsyncMessages(AsyncResource):
    """``client.chat.completions.messages`` of an ``AsyncClient``: ``Messages.list``."""

    list: Final = twin_list(Messages.list)


class StoredCompletions(SyncResource):
    """The stored-completion methods of ``client.chat.completions``."""

    messages: Final = Sub(Messages, AsyncMessages)

    def retrieve(self, completion_id: str, **options: Unpack[RequestOptions]) -> ChatCompletion:
        """A chat completion created with ``store=True``."""
        path = _path(RETRIEVE.path, "retrieve", completion_id)
        return cast(ChatCompletion, self._send(RETRIEVE, dict(options), path))

    def update(
        self, completion_id: str, *, metadata: Mapping[str, str] | None, **options: Unpack[RequestOptions]
    ) -> ChatCompletion:
        """Replace a stored completion's metadata (the only thing that can change)."""
        path = _path(UPDATE.path, "update", completion_id)
        return cast(ChatCompletion, self._send(UPDATE, _update_params(metadata, options), path))

    def list(
        self, *, after: str | None = None, limit: int | None = None,
        metadata: Mapping[str, str] | None = None, model: str | None = None, order: Order | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncCursorPage[ChatCompletion]:
        """Stored chat completions (filtered by ``metadata`` and ``model``), page after page
        (async: ``await`` it for the first page, or ``async for`` each one)."""
        query = list_query("chat.completions.list", after=after, limit=limit, order=order,
                           metadata=metadata, model=model)
        return cast("SyncCursorPage[ChatCompletion]", self._list(_pages(messages=False), query, options))

    def delete(self, completion_id: str, **options: Unpack[RequestOptions]) -> ChatCompletionDeleted:
        """Delete a stored chat completion."""
        path = _path(DELETE.path, "delete", completion_id)
        return cast(ChatCompletionDeleted, self._send(DELETE, dict(options), path))


class AsyncStoredCompletions(AsyncResource):
    """The stored-completion methods of ``client.chat.completions`` on an ``AsyncClient``:
    ``StoredCompletions``'s, awaited."""

    messages: Final = Sub(Messages, AsyncMessages)

    retrieve: Final = twin(StoredCompletions.retrieve)
    update: Final = twin(StoredCompletions.update)
    list: Final = twin_list(StoredCompletions.list)
    delete: Final = twin(StoredCompletions.delete)
