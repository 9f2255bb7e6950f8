"""The fake's stored chat completions: a completion created with ``store=True`` is kept, with its
prompt's messages, and served by ``/chat/completions`` (GET: list) and
``/chat/completions/{id}`` (retrieve, update metadata, delete) and ``.../messages``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gptkit.testing._fake_files import list_page, not_found, page_limit
from gptkit.testing._fake_forms import bad_request, json_object, missing

if TYPE_CHECKING:
    from gptkit.testing._fake_files import Handler
    from gptkit.testing._faults import FakeRequest

__all__ = ["FakeStoredChat"]


def _message(completion_id: str, index: int, given: Any) -> dict[str, Any]:
    message = given if isinstance(given, dict) else {}
    content = message.get("content")
    parts = content if isinstance(content, list) else None
    text = content if isinstance(content, str) else (
        "".join(part.get("text", "") for part in parts if isinstance(part, dict)) if parts else None)
    return {"id": f"{completion_id}-{index}", "role": message.get("role", "user"), "content": text,
            "name": message.get("name"), "content_parts": parts}


class FakeStoredChat:
    """Chat completions created with ``store=True``, oldest first, and their prompts' messages."""

    def __init__(self) -> None:
        self.completions: dict[str, dict[str, Any]] = {}
        self._messages: dict[str, list[dict[str, Any]]] = {}

    def store(self, path: str, body: dict[str, Any], completion: dict[str, Any]) -> None:
        """Keep a chat ``completion`` (the answer to ``body``) if the request asked for ``store=True``."""
        if path != "/chat/completions" or body.get("store") is not True:
            return
        ident = completion["id"]
        self.completions[ident] = {**completion, "metadata": dict(body.get("metadata") or {})}
        self._messages[ident] = [_message(ident, i, m) for i, m in enumerate(body.get("messages") or [])]

    def routes(self) -> list[tuple[str, str, Handler]]:
        one = "/chat/completions/{completion_id}"
        return [("GET", "/chat/completions", self._list), ("GET", one, self._retrieve),
                ("POST", one, self._update), ("DELETE", one, self._delete),
                ("GET", one + "/messages", self._list_messages)]

    def _find(self, params: dict[str, str]) -> dict[str, Any] | tuple[int, Any]:
        found = self.completions.get(params["completion_id"])
        return found if found is not None else not_found("chat completion", params["completion_id"],
                                                         "completion_id")

    def _page(self, request: FakeRequest, items: list[dict[str, Any]]) -> tuple[int, Any]:
        limit = page_limit(request.query.get("limit"), 20, 100)
        order = request.query.get("order", "asc")
        if limit is None or order not in ("asc", "desc"):
            return bad_request("'limit' must be 1..100 and 'order' 'asc' or 'desc'.", "limit")
        return 200, list_page(items if order == "asc" else items[::-1], request.query.get("after"), limit)

    def _list(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        wanted = {key[len("metadata["):-1]: value for key, value in request.query.items()
                  if key.startswith("metadata[") and key.endswith("]")}
        model = request.query.get("model")
        items = [c for c in self.completions.values() if (model is None or c["model"] == model)
                 and all(c["metadata"].get(k) == v for k, v in wanted.items())]
        return self._page(request, items)

    def _retrieve(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._find(params)
        return found if isinstance(found, tuple) else (200, found)

    def _update(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found, body = self._find(params), json_object(request)
        if isinstance(found, tuple):
            return found
        if not body or "metadata" not in body:
            return missing("metadata")
        found["metadata"] = dict(body["metadata"] or {})
        return 200, found

    def _delete(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._find(params)
        if isinstance(found, tuple):
            return found
        del self.completions[found["id"]]
        self._messages.pop(found["id"], None)
        return 200, {"id": found["id"], "object": "chat.completion.deleted", "deleted": True}

    def _list_messages(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._find(params)
        if isinstance(found, tuple):
            return found
        return self._page(request, self._messages[found["id"]])
