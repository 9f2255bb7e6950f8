"""``client.conversations.items``: add items to a conversation, page through, fetch and delete."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, cast

import httpx
import pydantic
from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit._exceptions import APIResponseValidationError
from gptkit.pagination import AsyncConversationCursorPage, SyncConversationCursorPage
from gptkit.resources._common import list_query, path_with, with_query
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources._twin import twin, twin_list
from gptkit.types._base import ResponseObject
from gptkit.types.conversations.conversation import Conversation
from gptkit.types.conversations.conversation_item import ConversationItem
from gptkit.types.conversations.conversation_item_list import ConversationItemList
from gptkit.types.conversations.item_create_params import ItemCreateParams
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncItems", "Items"]

_ITEMS = "/conversations/{conversation_id}/items"
_ITEM = _ITEMS + "/{item_id}"


_ITEM_ADAPTER: Any = None


def _one_item(response: httpx.Response) -> Any:
    """``items.retrieve``'s ``parse`` hook: the body is one item, of whichever type it says."""
    global _ITEM_ADAPTER
    if _ITEM_ADAPTER is None:
        _ITEM_ADAPTER = pydantic.TypeAdapter(ConversationItem)
    try:
        return _ITEM_ADAPTER.validate_json(response.content)
    except pydantic.ValidationError as exc:
        raise APIResponseValidationError(
            f"The server's item does not match the API: {exc.errors()[0]['msg']}",
            response=response,
            body=None,
        ) from None


CREATE = Endpoint(
    method="POST",
    path=_ITEMS,
    response=ConversationItemList,
    validator=ParamValidator(ItemCreateParams, "conversations.items.create"),
)
RETRIEVE = Endpoint(method="GET", path=_ITEM, response=ResponseObject, parse=_one_item)
DELETE = Endpoint(method="DELETE", path=_ITEM, response=Conversation)
LIST = (
    Endpoint(method="GET", path=_ITEMS, response=SyncConversationCursorPage[ConversationItem]),
    Endpoint(method="GET", path=_ITEMS, response=AsyncConversationCursorPage[ConversationItem]),
)


def _path(template: str, call: str, conversation_id: str, item_id: str | None = None) -> str:
    ids: dict[str, object] = {"conversation_id": conversation_id}
    if item_id is not None:
        ids["item_id"] = item_id
    return path_with(template, f"conversations.items.{call}", **ids)


def _include(options: Mapping[str, Any], include: Sequence[str] | None) -> dict[str, Any]:
    return with_query(options, {"include": list(include)} if include else {})


class Items(SyncResource):
    """Conversation items of a ``Client`` (``AsyncItems`` runs the same methods)."""

    def create(
        self,
        conversation_id: str,
        *,
        items: Iterable[Mapping[str, Any]],
        include: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ConversationItemList:
        """Add ``items`` (1 to 20, shaped as ``responses.create`` input items) to a conversation."""
        path = _path(_ITEMS, "create", conversation_id)
        params = {"items": list(items), **_include(options, include)}
        return cast(ConversationItemList, self._send(CREATE, params, path))

    def list(
        self,
        conversation_id: str,
        *,
        after: str | None = None,
        include: Sequence[str] | None = None,
        limit: int | None = None,
        order: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncConversationCursorPage[ConversationItem]:
        """A conversation's items; iterating goes through every page (async: ``await`` for a
        page, ``async for`` over every item)."""
        path = _path(_ITEMS, "list", conversation_id)
        query = list_query("conversations.items.list", after=after, include=include, limit=limit, order=order)
        return cast("SyncConversationCursorPage[ConversationItem]", self._list(LIST, query, options, path))

    def retrieve(
        self,
        item_id: str,
        *,
        conversation_id: str,
        include: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ConversationItem:
        """One item of a conversation."""
        path = _path(_ITEM, "retrieve", conversation_id, item_id)
        return cast("ConversationItem", self._send(RETRIEVE, _include(options, include), path))

    def delete(
        self, item_id: str, *, conversation_id: str, **options: Unpack[RequestOptions]
    ) -> Conversation:
        """Remove an item from a conversation; returns the conversation."""
        path = _path(_ITEM, "delete", conversation_id, item_id)
        return cast(Conversation, self._send(DELETE, dict(options), path))


class AsyncItems(AsyncResource):
    """Conversation items of an ``AsyncClient``: ``Items``'s methods, awaited."""

    create: Final = twin(Items.create)
    list: Final = twin_list(Items.list)
    retrieve: Final = twin(Items.retrieve)
    delete: Final = twin(Items.delete)
