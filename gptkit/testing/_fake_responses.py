"""The fake's Responses API: ``/responses`` create, retrieve, delete, cancel, input items and input
token counts, with stored responses, ``previous_response_id`` chains and background jobs.

``POST /responses`` goes through the fake's core like chat (its faults, scripted answers and
RPM/TPM limits apply); the core hands it here to answer. Stored responses (``store`` is true
unless the request says otherwise) can be retrieved, continued, listed and deleted. A background
response (``background=True``) is ``queued`` for the first quarter of ``response_time`` seconds
on the fake's clock, ``in_progress`` until it has passed, then finished; ``cancel`` stops it.
Streams send the API's events (``event:`` and ``data:`` lines, each with its ``sequence_number``,
no ``[DONE]``); ``GET /responses/{id}?stream=true&starting_after=N`` replays a stored background
response's events after N.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gptkit._clock import get_clock
from gptkit._tokens import RESPONSES_PATH, estimate_prompt_tokens
from gptkit.testing._fake_answers import Answer, error_body
from gptkit.testing._fake_files import Handler, list_page, page_limit
from gptkit.testing._fake_multi_agent import refused as beta_refused
from gptkit.testing._fake_reply import FakeReply, json_reply
from gptkit.testing._fake_responses_body import Generated, generate, input_items, response_events, visible

if TYPE_CHECKING:
    from gptkit.testing._fake_core import FakeCore
    from gptkit.testing._faults import FakeRequest

__all__ = ["FakeResponses", "StoredResponse", "encode_response_event"]

_TERMINAL = frozenset({"completed", "incomplete", "failed", "cancelled"})


def encode_response_event(event: Mapping[str, Any]) -> bytes:
    """One Responses API server-sent event: its ``event:`` line (the type) and ``data:`` line."""
    import json

    data = json.dumps(event, separators=(",", ":"))
    return f"event: {event.get('type')}\ndata: {data}\n\n".encode()


def _stream(events: list[dict[str, Any]], headers: list[tuple[str, str]], chunk_delay: float) -> FakeReply:
    error = {"type": "error", "code": "server_error", "param": None,
             "message": "The server had an error while processing your request. Sorry about that!",
             "sequence_number": len(events)}
    return FakeReply(200, [("content-type", "text/event-stream; charset=utf-8"), *headers],
                     [encode_response_event(e) for e in events], stream=True, chunk_delay=chunk_delay,
                     done_marker=False, error_chunk=encode_response_event(error))


@dataclass
class StoredResponse:
    """A response the fake keeps (``store`` was not false): its finished object and its input."""

    final: dict[str, Any]
    input_items: list[dict[str, Any]]
    context_tokens: int
    background: bool
    #: The fake clock's reading at creation (a background response's progress is measured from it).
    started: float
    response_time: float | None
    cancelled: bool = False
    finished_now: bool = False
    events: list[dict[str, Any]] = field(default_factory=list, repr=False)

    def status(self, now: float) -> str:
        """Where the response is now."""
        if self.cancelled:
            return "cancelled"
        if not self.background or self.finished_now:
            return str(self.final["status"])
        if self.response_time is None or now < self.started + self.response_time / 4:
            return "queued"
        return "in_progress" if now < self.started + self.response_time else str(self.final["status"])

    def view(self, now: float) -> dict[str, Any]:
        """The response object as a retrieve sees it now."""
        status = self.status(now)
        return dict(self.final) if status == self.final["status"] else visible(self.final, status)


class FakeResponses:
    """Stored responses and the ``/responses/...`` endpoints that serve them."""

    def __init__(self, core: FakeCore, response_time: float | None) -> None:
        self._core = core
        #: Seconds a background response takes to finish on the fake's clock (None: only on demand).
        self.response_time = response_time
        self.stored: dict[str, StoredResponse] = {}

    def routes(self) -> list[tuple[str, str, Handler]]:
        return [("POST", "/responses/input_tokens", self._count),
                ("GET", "/responses/{response_id}", self._get),
                ("DELETE", "/responses/{response_id}", self._delete),
                ("POST", "/responses/{response_id}/cancel", self._cancel),
                ("GET", "/responses/{response_id}/input_items", self._items)]

    def finish_all(self) -> list[str]:
        """Finish every background response still running; returns their ids."""
        now = self._core._now()
        moved = []
        for ident, stored in self.stored.items():
            if stored.status(now) not in _TERMINAL:
                stored.finished_now = True
                moved.append(ident)
        return moved

    # -- create -------------------------------------------------------------------------------

    def _context(self, body: Mapping[str, Any]) -> tuple[int, tuple[int, Any] | None]:
        """The tokens ``previous_response_id`` carries, or the (status, error) when it cannot."""
        previous = body.get("previous_response_id")
        if previous is None:
            return 0, None
        stored = self.stored.get(str(previous))
        if stored is None:
            return 0, (400, error_body(f"Previous response with id '{previous}' not found.",
                                       "invalid_request_error", "previous_response_not_found",
                                       "previous_response_id"))
        return stored.context_tokens, None

    def create(self, request: FakeRequest, body: dict[str, Any], answer: Answer | None,
               headers: list[tuple[str, str]], serial: int) -> FakeReply:
        """Answer ``POST /responses`` (the core has routed, checked and rate-limited it)."""
        context, refused = self._context(body)
        refused = refused or beta_refused(request.headers, body)
        if refused is not None:
            return json_reply(*refused, headers)
        store = body.get("store", True) is not False
        background = bool(body.get("background"))
        if background and not store:
            return json_reply(400, error_body("Background mode requires store=true.", "invalid_request_error",
                                              None, "background"), headers)
        ident = f"resp_fake{serial:012d}"
        made: Generated = generate(body, answer, id=ident, created=int(get_clock().wall()),
                                   context_tokens=context)
        usage = made.body["usage"]
        self._core.stats.prompt_tokens += usage["input_tokens"]
        self._core.stats.completion_tokens += usage["output_tokens"]
        if store:
            self.stored[ident] = StoredResponse(made.body, input_items(body, ident), made.context_tokens,
                                                background, self._core._now(), self.response_time)
        events = response_events(made.body, background=background)
        if background and store:
            self.stored[ident].events = events
        if body.get("stream"):
            return _stream(events, headers, self._core.chunk_delay)
        shown = visible(made.body, "queued") if background else made.body
        return json_reply(200, shown, headers)

    # -- the stored responses -------------------------------------------------------------------

    def _find(self, ident: str) -> StoredResponse | tuple[int, Any]:
        stored = self.stored.get(ident)
        if stored is None:
            message = f"Response with id '{ident}' not found."
            return 404, error_body(message, "invalid_request_error", None, None)
        return stored

    def _get(self, request: FakeRequest, params: dict[str, str]) -> FakeReply | tuple[int, Any]:
        stored = self._find(params["response_id"])
        if isinstance(stored, tuple):
            return stored
        if request.query.get("stream") in ("true", "True", "1"):
            if not stored.background:
                return 400, error_body("Only background responses can be streamed again.",
                                       "invalid_request_error", None, "stream")
            after = int(request.query.get("starting_after", "-1"))
            return _stream([e for e in stored.events if e["sequence_number"] > after], [],
                           self._core.chunk_delay)
        return 200, stored.view(self._core._now())

    def _delete(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        stored = self._find(params["response_id"])
        if isinstance(stored, tuple):
            return stored
        del self.stored[params["response_id"]]
        return 200, {"id": params["response_id"], "object": "response", "deleted": True}

    def _cancel(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        stored = self._find(params["response_id"])
        if isinstance(stored, tuple):
            return stored
        if not stored.background:
            return 400, error_body("Only responses created with background=true can be cancelled.",
                                   "invalid_request_error", None, None)
        now = self._core._now()
        if stored.status(now) not in _TERMINAL:
            stored.cancelled = True
        return 200, stored.view(now)

    def _items(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        stored = self._find(params["response_id"])
        if isinstance(stored, tuple):
            return stored
        limit = page_limit(request.query.get("limit"), 20, 100)
        if limit is None:
            return 400, error_body("'limit' must be an integer from 1 to 100.", "invalid_request_error",
                                   None, "limit")
        items = list(stored.input_items)
        if request.query.get("order", "desc") == "desc":
            items.reverse()
        return 200, list_page(items, request.query.get("after"), limit)

    def _count(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        body = request.body if isinstance(request.body, dict) else {}
        context, refused = self._context(body)
        if refused is not None:
            return refused
        tokens = estimate_prompt_tokens(body, RESPONSES_PATH) + context
        return 200, {"object": "response.input_tokens", "input_tokens": tokens}
