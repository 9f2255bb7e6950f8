"""``client.conversations``: durable conversation state (create, retrieve, update, delete) and
its ``items`` (create, list, retrieve, delete)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final, cast

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit.resources._common import body_params, path_with
from gptkit.resources._resource import AsyncResource, Sub, SyncResource
from gptkit.resources._twin import twin
from gptkit.resources.conversations.items import AsyncItems, Items
from gptkit.types.conversations.conversation import Conversation
from gptkit.types.conversations.conversation_create_params import (
    ConversationCreateParams,
    ConversationUpdateParams,
)
from gptkit.types.conversations.conversation_deleted_resource import ConversationDeletedResource
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncConversations", "Conversations"]

_ONE = "/conversations/{conversation_id}"
CREATE = Endpoint(
    method="POST",
    path="/conversations",
    response=Conversation,
    validator=ParamValidator(ConversationCreateParams, "conversations.create"),
)
RETRIEVE = Endpoint(method="GET", path=_ONE, response=Conversation)
UPDATE = Endpoint(
    method="POST",
    path=_ONE,
    response=Conversation,
    validator=ParamValidator(ConversationUpdateParams, "conversations.update"),
)
DELETE = Endpoint(method="DELETE", path=_ONE, response=ConversationDeletedResource)


def _path(call: str, conversation_id: str) -> str:
    return path_with(_ONE, f"conversations.{call}", conversation_id=conversation_id)


def _create(
    items: Iterable[Mapping[str, Any]] | None, metadata: Any, safety_identifier: Any, options: RequestOptions
) -> dict[str, Any]:
    body = body_params({"items": None if items is None else list(items), "metadata": metadata}, options)
    if safety_identifier is not None:  # not in the published schema yet: sent as given
        body["extra_body"] = {"safety_identifier": safety_identifier, **(options.get("extra_body") or {})}
    return body


class Conversations(SyncResource):
    """Conversations of a ``Client`` (``AsyncConversations`` runs the same methods)."""

    items: Final = Sub(Items, AsyncItems)
    """A conversation's items: ``client.conversations.items.list(conversation_id)``."""

    def create(
        self,
        *,
        items: Iterable[Mapping[str, Any]] | None = None,
        metadata: Mapping[str, str] | None = None,
        safety_identifier: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Conversation:
        """Start a conversation, optionally with its first items (up to 20)."""
        return cast(Conversation, self._send(CREATE, _create(items, metadata, safety_identifier, options)))

    def retrieve(self, conversation_id: str, **options: Unpack[RequestOptions]) -> Conversation:
        """A conversation's id, creation time and metadata."""
        return cast(Conversation, self._send(RETRIEVE, dict(options), _path("retrieve", conversation_id)))

    def update(
        self, conversation_id: str, *, metadata: Mapping[str, str] | None, **options: Unpack[RequestOptions]
    ) -> Conversation:
        """Replace a conversation's metadata."""
        params = {"metadata": metadata, **options}
        return cast(Conversation, self._send(UPDATE, params, _path("update", conversation_id)))

    def delete(self, conversation_id: str, **options: Unpack[RequestOptions]) -> ConversationDeletedResource:
        """Delete a conversation (its items are not deleted)."""
        path = _path("delete", conversation_id)
        return cast(ConversationDeletedResource, self._send(DELETE, dict(options), path))


class AsyncConversations(AsyncResource):
    """Conversations of an ``AsyncClient``: ``Conversations``'s methods, awaited."""

    items: Final = Sub(Items, AsyncItems)
    """A conversation's items: ``client.conversations.items.list(conversation_id)``."""

    create: Final = twin(Conversations.create)
    retrieve: Final = twin(Conversations.retrieve)
    update: Final = twin(Conversations.update)
    delete: Final = twin(Conversations.delete)
