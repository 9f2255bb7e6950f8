"""The fake's vector stores: stores of uploaded files, chunked as text, searched by word overlap.

Files are "processed" at once (``completed``); a file batch is ``in_progress`` until it is next
looked at, so that it can be cancelled. Search scores each chunk by the share of the query's
words it contains and applies the API's attribute filters (``eq``, ``ne``, ``gt``, ``gte``,
``lt``, ``lte``, ``in``, ``nin``, and ``and`` / ``or`` of them).
"""

from __future__ import annotations

import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gptkit._clock import get_clock
from gptkit.testing._fake_files import FakeFileStore, list_page, not_found, page_limit
from gptkit.testing._fake_forms import bad_request, json_object, missing

if TYPE_CHECKING:
    from gptkit.testing._fake_files import Handler
    from gptkit.testing._faults import FakeRequest

__all__ = ["FakeVectorStore", "FakeVectorStores"]

_WORD = re.compile(r"\w+")
_AUTO = {"type": "static", "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400}}


@dataclass
class FakeVectorStore:
    """One store: its settings, files (id -> the store's file object) and file batches."""

    id: str
    created_at: int
    body: dict[str, Any]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)


def _counts(statuses: list[str]) -> dict[str, int]:
    counts = {name: statuses.count(name) for name in ("in_progress", "completed", "failed", "cancelled")}
    return {**counts, "total": len(statuses)}


def _chunks(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n|\n", text) if part.strip()]


_COMPARE: dict[str, Any] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
    "in": lambda value, given: value in given,
    "nin": lambda value, given: value not in given,
}


def _matches(attributes: dict[str, Any], rule: dict[str, Any]) -> bool:
    kind = rule.get("type")
    if kind in ("and", "or"):
        results = [_matches(attributes, sub) for sub in rule.get("filters") or []]
        return all(results) if kind == "and" else any(results)
    compare = _COMPARE.get(str(kind))
    value: Any = attributes.get(str(rule.get("key")))
    try:
        return compare is not None and bool(compare(value, rule.get("value")))
    except TypeError:
        return False


class FakeVectorStores:
    """``/vector_stores`` with its ``files``, ``file_batches`` and ``search``."""

    def __init__(self, files: FakeFileStore) -> None:
        self.stores: dict[str, FakeVectorStore] = {}
        self._files = files
        self._serial = itertools.count(1)

    def routes(self) -> list[tuple[str, str, Handler]]:
        store, files = "/vector_stores/{store_id}", "/vector_stores/{store_id}/files"
        batch = store + "/file_batches/{batch_id}"
        return [
            ("POST", "/vector_stores", self._create),
            ("GET", "/vector_stores", self._list),
            ("GET", store, self._retrieve),
            ("POST", store, self._update),
            ("DELETE", store, self._delete),
            ("POST", store + "/search", self._search),
            ("POST", files, self._add_file),
            ("GET", files, self._list_files),
            ("GET", files + "/{file_id}", self._get_file),
            ("POST", files + "/{file_id}", self._update_file),
            ("DELETE", files + "/{file_id}", self._remove_file),
            ("GET", files + "/{file_id}/content", self._content),
            ("POST", store + "/file_batches", self._create_batch),
            ("GET", batch, self._get_batch),
            ("POST", batch + "/cancel", self._cancel_batch),
            ("GET", batch + "/files", self._batch_files),
        ]

    # -- objects ------------------------------------------------------------------------------

    def _store_dict(self, store: FakeVectorStore) -> dict[str, Any]:
        body = store.body
        return {
            "id": store.id,
            "object": "vector_store",
            "created_at": store.created_at,
            "name": body.get("name") or "",
            "description": body.get("description"),
            "metadata": body.get("metadata") or {},
            "status": "completed",
            "last_active_at": store.created_at,
            "usage_bytes": sum(f["usage_bytes"] for f in store.files.values()),
            "file_counts": _counts([f["status"] for f in store.files.values()]),
            "expires_after": body.get("expires_after"),
            "expires_at": None,
        }

    def _add(
        self, store: FakeVectorStore, file_id: str, attributes: Any, chunking: Any
    ) -> dict[str, Any] | None:
        uploaded = self._files.files.get(file_id)
        if uploaded is None:
            return None
        item = {
            "id": file_id,
            "object": "vector_store.file",
            "created_at": int(get_clock().wall()),
            "vector_store_id": store.id,
            "status": "completed",
            "usage_bytes": len(uploaded.content),
            "last_error": None,
            "attributes": attributes or {},
            "chunking_strategy": chunking if chunking and chunking.get("type") == "static" else _AUTO,
        }
        store.files[file_id] = item
        return item

    def _store(self, params: dict[str, str]) -> FakeVectorStore | tuple[int, Any]:
        store = self.stores.get(params["store_id"])
        return (
            store if store is not None else not_found("vector store", params["store_id"], "vector_store_id")
        )

    def _page(self, request: FakeRequest, items: list[dict[str, Any]]) -> tuple[int, Any]:
        limit = page_limit(request.query.get("limit"), 20, 100)
        order = request.query.get("order", "desc")
        if limit is None or order not in ("asc", "desc"):
            return bad_request("'limit' must be 1..100 and 'order' 'asc' or 'desc'.", "limit")
        status = request.query.get("filter")
        if status:
            items = [i for i in items if i.get("status") == status]
        ordered = items if order == "asc" else list(reversed(items))
        before = request.query.get("before")
        if before is not None:
            ids = [i["id"] for i in ordered]
            ordered = ordered[: ids.index(before)] if before in ids else []
        return 200, list_page(ordered, request.query.get("after"), limit)

    # -- stores -------------------------------------------------------------------------------

    def _create(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        body = json_object(request)
        if body is None:
            return bad_request("The request body must be a JSON object.")
        store = FakeVectorStore(f"vs_fake{next(self._serial):015d}", int(get_clock().wall()), body)
        for file_id in body.get("file_ids") or []:
            if self._add(store, str(file_id), None, body.get("chunking_strategy")) is None:
                return not_found("file", str(file_id), "file_ids")
        self.stores[store.id] = store
        return 200, self._store_dict(store)

    def _list(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        return self._page(request, [self._store_dict(s) for s in self.stores.values()])

    def _retrieve(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        store = self._store(params)
        return store if isinstance(store, tuple) else (200, self._store_dict(store))

    def _update(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        store, body = self._store(params), json_object(request)
        if isinstance(store, tuple):
            return store
        if body is None:
            return bad_request("The request body must be a JSON object.")
        store.body.update({k: v for k, v in body.items() if k in ("name", "metadata", "expires_after")})
        return 200, self._store_dict(store)

    def _delete(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        store = self._store(params)
        if isinstance(store, tuple):
            return store
        del self.stores[store.id]
        return 200, {"id": store.id, "object": "vector_store.deleted", "deleted": True}

    def _search(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        store, body = self._store(params), json_object(request)
        if isinstance(store, tuple):
            return store
        if body is None or "query" not in body:
            return missing("query")
        queries = body["query"] if isinstance(body["query"], list) else [body["query"]]
        words = {w.lower() for q in queries for w in _WORD.findall(str(q))}
        results = []
        for item in store.files.values():
            if body.get("filters") and not _matches(item["attributes"], body["filters"]):
                continue
            uploaded = self._files.files.get(item["id"])
            text = uploaded.content.decode("utf-8", "replace") if uploaded else ""
            scored = [
                (len(words & {w.lower() for w in _WORD.findall(c)}) / max(len(words), 1), c)
                for c in _chunks(text)
            ]
            best = [(s, c) for s, c in sorted(scored, key=lambda sc: -sc[0]) if s > 0][:3]
            if best:
                results.append(
                    {
                        "file_id": item["id"],
                        "filename": uploaded.filename if uploaded else "",
                        "score": round(best[0][0], 4),
                        "attributes": item["attributes"],
                        "content": [{"type": "text", "text": c} for _, c in best],
                    }
                )
        results.sort(key=lambda r: -r["score"])
        threshold = (body.get("ranking_options") or {}).get("score_threshold", 0)
        results = [r for r in results if r["score"] >= threshold][: int(body.get("max_num_results") or 10)]
        return 200, {
            "object": "vector_store.search_results.page",
            "search_query": queries,
            "data": results,
            "has_more": False,
            "next_page": None,
        }

    # -- files --------------------------------------------------------------------------------

    def _add_file(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        store, body = self._store(params), json_object(request)
        if isinstance(store, tuple):
            return store
        if not body or not body.get("file_id"):
            return missing("file_id")
        item = self._add(store, str(body["file_id"]), body.get("attributes"), body.get("chunking_strategy"))
        return (200, item) if item is not None else not_found("file", str(body["file_id"]), "file_id")

    def _file(self, params: dict[str, str]) -> tuple[FakeVectorStore, dict[str, Any]] | tuple[int, Any]:
        store = self._store(params)
        if isinstance(store, tuple):
            return store
        item = store.files.get(params["file_id"])
        return (
            (store, item)
            if item is not None
            else not_found("vector store file", params["file_id"], "file_id")
        )

    def _list_files(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        store = self._store(params)
        return store if isinstance(store, tuple) else self._page(request, list(store.files.values()))

    def _get_file(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._file(params)
        return found if isinstance(found[0], int) else (200, found[1])

    def _update_file(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found, body = self._file(params), json_object(request)
        if isinstance(found[0], int):
            return found
        if body is None or "attributes" not in body:
            return missing("attributes")
        found[1]["attributes"] = body["attributes"] or {}
        return 200, found[1]

    def _remove_file(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._file(params)
        if isinstance(found[0], int):
            return found
        store, item = found
        del store.files[item["id"]]
        return 200, {"id": item["id"], "object": "vector_store.file.deleted", "deleted": True}

    def _content(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._file(params)
        if isinstance(found[0], int):
            return found
        uploaded = self._files.files.get(found[1]["id"])
        text = uploaded.content.decode("utf-8", "replace") if uploaded else ""
        return 200, {
            "object": "vector_store.file_content.page",
            "has_more": False,
            "next_page": None,
            "data": [{"type": "text", "text": chunk} for chunk in _chunks(text)],
        }

    # -- file batches -------------------------------------------------------------------------

    def _batch_dict(self, store: FakeVectorStore, batch: dict[str, Any]) -> dict[str, Any]:
        statuses = [
            "cancelled"
            if batch["status"] == "cancelled"
            else ("completed" if batch["status"] == "completed" else "in_progress")
            for _ in batch["file_ids"]
        ]
        return {
            "id": batch["id"],
            "object": "vector_store.files_batch",
            "created_at": batch["created_at"],
            "vector_store_id": store.id,
            "status": batch["status"],
            "file_counts": _counts(statuses),
        }

    def _create_batch(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        store, body = self._store(params), json_object(request)
        if isinstance(store, tuple):
            return store
        body = body or {}
        entries = [{"file_id": i} for i in body.get("file_ids") or []] + list(body.get("files") or [])
        if not entries:
            return missing("file_ids")
        for entry in entries:
            if str(entry.get("file_id")) not in self._files.files:
                return not_found("file", str(entry.get("file_id")), "file_ids")
        batch: dict[str, Any] = {
            "id": f"vsfb_fake{next(self._serial):015d}",
            "created_at": int(get_clock().wall()),
            "status": "in_progress",
            "entries": entries,
            "file_ids": [str(e["file_id"]) for e in entries],
            "defaults": body,
        }
        store.batches[str(batch["id"])] = batch
        return 200, self._batch_dict(store, batch)

    def _batch(self, params: dict[str, str], advance: bool = True) -> Any:
        store = self._store(params)
        if isinstance(store, tuple):
            return store
        batch = store.batches.get(params["batch_id"])
        if batch is None:
            return not_found("file batch", params["batch_id"], "batch_id")
        if advance and batch["status"] == "in_progress":
            batch["status"] = "completed"
            for entry in batch["entries"]:
                defaults = batch["defaults"]
                self._add(
                    store,
                    str(entry["file_id"]),
                    entry.get("attributes", defaults.get("attributes")),
                    entry.get("chunking_strategy", defaults.get("chunking_strategy")),
                )
        return store, batch

    def _get_batch(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._batch(params)
        if isinstance(found[0], int):
            return (found[0], found[1])
        return 200, self._batch_dict(*found)

    def _cancel_batch(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._batch(params, advance=False)
        if isinstance(found[0], int):
            return (found[0], found[1])
        store, batch = found
        if batch["status"] != "in_progress":
            return bad_request(f"Batch {batch['id']} is {batch['status']}; it cannot be cancelled.")
        batch["status"] = "cancelled"
        return 200, self._batch_dict(store, batch)

    def _batch_files(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        found = self._batch(params)
        if isinstance(found[0], int):
            return (found[0], found[1])
        store, batch = found
        return self._page(request, [store.files[i] for i in batch["file_ids"] if i in store.files])
