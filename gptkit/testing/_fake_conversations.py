"""The fake's conversations: metadata and items in memory, in the Responses API's item shapes."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gptkit._clock import get_clock
from gptkit.testing._fake_files import list_page, not_found, page_limit
from gptkit.testing._fake_forms import bad_request, json_object, missing

if TYPE_CHECKING:
    from gptkit.testing._fake_files import Handler
    from gptkit.testing._faults import FakeRequest

__all__ = ["FakeConversation", "FakeConversations"]


@dataclass
class FakeConversation:
    """A conversation of the fake: metadata and items (oldest first)."""

    id: str
    created_at: int
    metadata: dict[str, str]
    items: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "conversation",
            "created_at": self.created_at,
            "metadata": self.metadata,
        }


class FakeConversations:
    """``/conversations`` and ``/conversations/{id}/items``."""

    def __init__(self) -> None:
        self.conversations: dict[str, FakeConversation] = {}
        self._serial = itertools.count(1)

    def routes(self) -> list[tuple[str, str, Handler]]:
        one, items = "/conversations/{conversation_id}", "/conversations/{conversation_id}/items"
        return [
            ("POST", "/conversations", self._create),
            ("GET", one, self._retrieve),
            ("POST", one, self._update),
            ("DELETE", one, self._delete),
            ("POST", items, self._add_items),
            ("GET", items, self._list_items),
            ("GET", items + "/{item_id}", self._get_item),
            ("DELETE", items + "/{item_id}", self._delete_item),
        ]

    def _item(self, given: Any) -> dict[str, Any] | None:
        """A stored item from an input item (an easy ``{"role", "content"}`` message included)."""
        if not isinstance(given, dict):
            return None
        item = dict(given)
        kind = item.setdefault("type", "message")
        item["id"] = (
            item.get("id") or f"{'msg' if kind == 'message' else 'item'}_fake{next(self._serial):012d}"
        )
        if kind == "message":
            content = item.get("content")
            part = "output_text" if item.get("role") == "assistant" else "input_text"
            if isinstance(content, str):
                item["content"] = [{"type": part, "text": content}]
            item.setdefault("status", "completed")
        return item

    def _find(self, params: dict[str, str]) -> FakeConversation | tuple[int, Any]:
        conversation = self.conversations.get(params["conversation_id"])
        if conversation is None:
            return not_found("conversation", params["conversation_id"], "conversation_id")
        return conversation

    def _create(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        body = json_object(request)
        if body is None:
            return bad_request("The request body must be a JSON object.")
        conversation = FakeConversation(
            f"conv_fake{next(self._serial):015d}", int(get_clock().wall()), body.get("metadata") or {}
        )
        for given in body.get("items") or []:
            item = self._item(given)
            if item is None:
                return bad_request("Each item must be an object.", "items")
            conversation.items.append(item)
        self.conversations[conversation.id] = conversation
        return 200, conversation.to_dict()

    def _retrieve(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._find(params)
        return found if isinstance(found, tuple) else (200, found.to_dict())

    def _update(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found, body = self._find(params), json_object(request)
        if isinstance(found, tuple):
            return found
        if not body or "metadata" not in body:
            return missing("metadata")
        found.metadata = body["metadata"] or {}
        return 200, found.to_dict()

    def _delete(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._find(params)
        if isinstance(found, tuple):
            return found
        del self.conversations[found.id]
        return 200, {"id": found.id, "object": "conversation.deleted", "deleted": True}

    def _add_items(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found, body = self._find(params), json_object(request)
        if isinstance(found, tuple):
            return found
        given = (body or {}).get("items")
        if not isinstance(given, list) or not given:
            return missing("items")
        added = [self._item(item) for item in given]
        if any(item is None for item in added):
            return bad_request("Each item must be an object.", "items")
        found.items.extend(item for item in added if item is not None)
        data = [item for item in added if item is not None]
        return 200, {
            "object": "list",
            "data": data,
            "first_id": data[0]["id"],
            "last_id": data[-1]["id"],
            "has_more": False,
        }

    def _list_items(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._find(params)
        if isinstance(found, tuple):
            return found
        limit = page_limit(request.query.get("limit"), 20, 100)
        order = request.query.get("order", "desc")
        if limit is None or order not in ("asc", "desc"):
            return bad_request("'limit' must be 1..100 and 'order' 'asc' or 'desc'.", "limit")
        items = found.items if order == "asc" else list(reversed(found.items))
        return 200, list_page(items, request.query.get("after"), limit)

    def _get_item(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._find(params)
        if isinstance(found, tuple):
            return found
        for item in found.items:
            if item["id"] == params["item_id"]:
                return 200, item
        return not_found("item", params["item_id"], "item_id")

    def _delete_item(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._find(params)
        if isinstance(found, tuple):
            return found
        kept = [item for item in found.items if item["id"] != params["item_id"]]
        if len(kept) == len(found.items):
            return not_found("item", params["item_id"], "item_id")
        found.items = kept
        return 200, found.to_dict()
