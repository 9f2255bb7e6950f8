"""The fake OpenAI service's sans-IO core: request in, ``FakeReply`` out.

It routes, checks the key, injects scripted faults, enforces RPM/TPM, picks a scripted or echo
answer and keeps statistics. It never sends, sleeps or reads sockets; the shells do that.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import threading
import urllib.parse
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from gptkit._clock import get_clock
from gptkit._tokens import estimate_prompt_tokens, max_output_tokens
from gptkit.testing import _fake_answers as answers
from gptkit.testing._fake_answers import DEFAULT_MODELS, Answer, ToolCall, error_body
from gptkit.testing._fake_batches import FakeBatch, FakeBatchJobs
from gptkit.testing._fake_extras import FakeExtras
from gptkit.testing._fake_files import FakeFile, FakeFileStore
from gptkit.testing._fake_limits import LimitBuckets
from gptkit.testing._fake_reply import FakeReply, apply_fault, json_reply, stream_reply
from gptkit.testing._fake_responses import FakeResponses
from gptkit.testing._fake_rules import FakeStats, ResponseRule, azure_path, normalise_path, route_pattern
from gptkit.testing._faults import FakeRequest, Fault, FaultRule, Predicate, fault_from

__all__ = ["FakeCore", "RouteHandler"]

#: A custom endpoint: gets the request and the path's ``{name}`` values; returns a reply, or a
#: ``(status, body)`` pair where body is JSON-able, text or bytes.
RouteHandler = Callable[[FakeRequest, dict[str, str]], "FakeReply | tuple[int, Any]"]

_LIMITED = frozenset({"/chat/completions", "/completions", "/embeddings", "/responses"})
_REQUIRED = {"/chat/completions": ("model", "messages"), "/completions": ("model", "prompt"),
             "/embeddings": ("model", "input"), "/responses": ("model",)}


class FakeCore:
    """Decides every answer of the fake service; see ``FakeOpenAI`` for the options."""

    def __init__(
        self,
        *,
        rpm: int | None = None,
        tpm: int | None = None,
        window: float = 60.0,  # DEFAULT_WINDOW, written out: the signature FakeOpenAI shows
        api_key: str | None = None,
        models: Sequence[str] = DEFAULT_MODELS,
        latency: float = 0.0,
        chunk_delay: float = 0.0,
        retry_after_headers: bool = True,
        seed: int = 0,
        clock: Callable[[], float] | None = None,
        keep_requests: int = 10_000,
        batch_time: float | None = 1.0,
        response_time: float | None = 1.0,
    ) -> None:
        self.limits: LimitBuckets = LimitBuckets(rpm, tpm, window)
        self.api_key = api_key
        self.models: list[str] = list(models)
        self.latency = latency
        self.chunk_delay = chunk_delay
        self.retry_after_headers = retry_after_headers
        self.seed = seed
        self._clock = clock
        self.stats: FakeStats = FakeStats()
        #: The most recent requests seen (up to ``keep_requests``), oldest first.
        self.requests: deque[FakeRequest] = deque(maxlen=keep_requests)
        self._faults: list[FaultRule] = []
        self._answers: list[ResponseRule] = []
        self._routes: list[tuple[str, re.Pattern[str], RouteHandler]] = []
        self._attempts: dict[str, int] = {}
        self._ids = itertools.count(1)
        # Re-entrant: a batch job answers its lines through ``handle`` from inside a request.
        self._lock = threading.RLock()
        self._file_store = FakeFileStore()
        self._batch_jobs = FakeBatchJobs(self, self._file_store, batch_time)
        # moderations, images, audio, fine-tuning ...
        self.extras: FakeExtras = FakeExtras(self._file_store, self._now)
        self._responses = FakeResponses(self, response_time)  # the Responses API (_fake_responses)
        routes = (*self._file_store.routes(), *self._batch_jobs.routes(), *self.extras.routes(),
                  *self._responses.routes())
        self._builtin_routes = [(method, route_pattern(path), handler) for method, path, handler in routes]

    # -- scripting ----------------------------------------------------------------------------

    def inject(
        self,
        fault: Fault | str,
        *,
        times: int | None = None,
        attempts: int | None = None,
        rate: float | None = None,
        when: Predicate | None = None,
        path: str | None = None,
        **params: Any,
    ) -> FaultRule:
        """Inject ``fault`` into matching requests; returns the rule (``rule.fired`` counts hits).

        ``times=N``: the next N matching requests; ``attempts=N``: the first N attempts of every
        call (attempts of one call share its idempotency key); ``rate=p``: each with probability
        p, seeded by ``seed``; ``when``: a predicate on ``FakeRequest``; ``path``: e.g.
        ``"/chat/completions"``. ``fault`` is a ``Fault`` or a kind name with its ``**params`` as
        keywords: ``inject("server_error", status=503, times=2)``.
        """
        import random

        rule = FaultRule(fault_from(fault, params), times=times, attempts=attempts, rate=rate,
                         when=when, path=path, _rng=random.Random(self.seed + len(self._faults)))
        with self._lock:
            self._faults.append(rule)
        return rule

    def respond(
        self,
        content: str | None = None,
        *,
        tool_calls: Iterable[ToolCall | Mapping[str, Any]] = (),
        finish_reason: str | None = None,
        body: Any = None,
        status: int = 200,
        times: int | None = 1,
        when: Predicate | None = None,
        path: str | None = None,
    ) -> ResponseRule:
        """Script the answer of the next ``times`` matching requests (None: all of them).

        ``content`` and ``tool_calls`` (``ToolCall`` or ``{"name": ..., "arguments": {...}}``)
        shape a normal answer, streamed or not, ending with ``finish_reason`` (default ``stop``,
        or ``tool_calls``); ``body`` (with ``status``) replaces it wholesale. ``when`` (a
        predicate on ``FakeRequest``) and ``path`` (e.g. ``"/embeddings"``) select the requests.
        """
        calls = tuple(c if isinstance(c, ToolCall) else ToolCall(**c) for c in tool_calls)
        rule = ResponseRule(Answer(content, calls, finish_reason, body, status), times, when, path)
        with self._lock:
            self._answers.append(rule)
        return rule

    def route(self, method: str, path: str, handler: RouteHandler) -> None:
        """Serve another endpoint: ``path`` may hold ``{name}`` parts; yours win over built-ins.

        ``method`` is the HTTP method; ``handler(request, parts)`` gets the ``FakeRequest`` and
        the ``{name}`` values, and returns a ``FakeReply`` or ``(status, JSON body)``.
        """
        with self._lock:
            self._routes.append((method.upper(), route_pattern(path), handler))

    def clear(self) -> None:
        """Forget scripted faults and answers (statistics stay)."""
        with self._lock:
            self._faults.clear()
            self._answers.clear()

    def set_limits(
        self, *, rpm: int | None = None, tpm: int | None = None, window: float | None = None
    ) -> None:
        """Replace the limits: ``rpm`` requests and ``tpm`` tokens a minute (None: not enforced).

        The buckets start full; ``window=None`` keeps the current one.
        """
        with self._lock:
            self.limits = LimitBuckets(rpm, tpm, self.limits.window if window is None else window)

    # -- files and Batch API jobs ----------------------------------------------------------------

    @property
    def files(self) -> dict[str, FakeFile]:
        """Uploaded and generated files by id (``files[id].content`` is the bytes)."""
        return self._file_store.files

    @property
    def batches(self) -> dict[str, FakeBatch]:
        """Batch API jobs by id, as last advanced."""
        return self._batch_jobs.jobs

    @property
    def batch_time(self) -> float | None:
        """Seconds a new batch takes from creation to ``completed`` (None: only on demand)."""
        return self._batch_jobs.batch_time

    @batch_time.setter
    def batch_time(self, seconds: float | None) -> None:
        self._batch_jobs.batch_time = seconds

    def complete_batches(self) -> list[str]:
        """Finish every unfinished batch now (lines answered, output and error files written).

        Returns the ids of the batches it moved; a batch whose input fails validation ends
        ``failed``, one being cancelled ends ``cancelled``.
        """
        with self._lock:
            return self._batch_jobs.complete_all(self._now())

    def expire_batches(self, *, answered: int = 0) -> list[str]:
        """Expire every unfinished batch after answering up to ``answered`` of its lines.

        The rest go to its error file as ``batch_expired``, as the Batch API does at the end
        of the completion window. Returns the ids of the batches it expired.
        """
        with self._lock:
            return self._batch_jobs.expire_all(self._now(), answered)

    # -- the core -----------------------------------------------------------------------------

    def _now(self) -> float:
        return self._clock() if self._clock is not None else get_clock().monotonic()

    def handle(self, method: str, raw_path: str, headers: Mapping[str, str], content: bytes, *,
               rate_limited: bool = True) -> FakeReply:
        """Decide the reply to one request (``headers`` with lower-case names).

        ``rate_limited=False`` skips the RPM/TPM limiter (Batch API lines have their own quota).
        """
        path, deployment, versioned = azure_path(normalise_path(raw_path))
        _, _, query_string = raw_path.partition("?")
        query = dict(urllib.parse.parse_qsl(query_string)) if query_string else {}
        body: Any = None
        bad_json = False
        if content and not headers.get("content-type", "").startswith("multipart/"):
            try:
                body = json.loads(content)
            except ValueError:
                bad_json = True
        key = headers.get("idempotency-key") or hashlib.sha1(
            method.encode() + path.encode() + content).hexdigest()
        with self._lock:
            serial = next(self._ids)
            attempt = self._attempts[key] = self._attempts.get(key, 0) + 1
            request = FakeRequest(method.upper(), path, headers, body, attempt, key, content, query,
                                  deployment)
            self.requests.append(request)
            self.stats.requests += 1
            self.stats.by_path[path] += 1
            base = [("x-request-id", f"req_{serial:016x}"), ("openai-version", "2020-10-01"),
                    ("openai-processing-ms", "1")]
            if versioned and "api-version" not in query:  # Azure's answer to a request without one
                reply = json_reply(404, {"error": {"code": "404", "message": "Resource not found"}}, base)
            else:
                reply = self._decide(request, base, serial, bad_json, rate_limited)
            reply.header_delay += self.latency
            if reply.drop_before_headers:
                self.stats.statuses[0] += 1
            else:
                self.stats.statuses[reply.status] += 1
            if reply.stream:
                self.stats.streams += 1
        return reply

    def _decide(self, request: FakeRequest, base: list[tuple[str, str]], serial: int, bad_json: bool,
                rate_limited: bool = True) -> FakeReply:
        if self.api_key is not None:
            given = request.headers.get("authorization", "")
            if given != f"Bearer {self.api_key}" and request.headers.get("api-key") != self.api_key:
                return json_reply(401, error_body("Incorrect API key provided.", "invalid_request_error",
                                                  "invalid_api_key"), base)
        if bad_json:
            return json_reply(400, error_body("We could not parse the JSON body of your request.",
                                              "invalid_request_error"), base)
        for rule in self._faults:
            if rule.selects(request):
                self.stats.faults[rule.fault.kind] += 1
                return apply_fault(rule.fault, lambda: self._answer(request, base, serial, admitted=[]), base)
        return self._answer(request, base, serial, admitted=None if rate_limited else [])

    def _answer(self, request: FakeRequest, base: list[tuple[str, str]], serial: int,
                admitted: list[tuple[str, str]] | None) -> FakeReply:
        """The normal reply; ``admitted`` given means skip the limiter (a fault is replacing it)."""
        path, body = request.path, request.body
        for method, pattern, handler in (*self._routes, *self._builtin_routes):
            match = pattern.match(path)
            if match and method == request.method:
                result = handler(request, {k: urllib.parse.unquote(v) for k, v in match.groupdict().items()})
                if isinstance(result, FakeReply):
                    named = {name for name, _ in result.headers}
                    result.headers = [*(h for h in base if h[0] not in named), *result.headers]
                    return result
                return json_reply(result[0], result[1], base)
        if path == "/models" and request.method == "GET":
            return json_reply(200, answers.models_body(self.models), base)
        if path.startswith("/models/") and request.method == "GET":
            model = path[len("/models/"):]
            if model not in self.models:
                return json_reply(404, error_body(f"The model '{model}' does not exist",
                                                  "invalid_request_error", "model_not_found", "model"), base)
            return json_reply(200, answers.model_body(model), base)
        if path not in _LIMITED or request.method != "POST":
            return json_reply(404, error_body(f"Invalid URL ({request.method} /v1{path})",
                                              "invalid_request_error"), base)
        if not isinstance(body, dict):
            return json_reply(400, error_body("The request body must be a JSON object.",
                                              "invalid_request_error"), base)
        if request.deployment is not None and "model" not in body:
            body["model"] = request.deployment  # Azure: the deployment names the model
        for name in _REQUIRED[path]:
            if name not in body:
                message = f"Missing required parameter: '{name}'."
                error = error_body(message, "invalid_request_error", "missing_required_parameter", name)
                return json_reply(400, error, base)
        headers = list(base)
        if admitted is None:  # x-ratelimit-* on every answer; enforced only for the limits given
            cost = estimate_prompt_tokens(body, path) + max_output_tokens(body, path=path)
            now = self._now()
            verdict = self.limits.admit(str(body["model"]), cost, now)
            headers += verdict.headers
            if not verdict.admitted:
                self.stats.rate_limited += 1
                if self.retry_after_headers and not verdict.too_large:
                    headers += [("retry-after", str(max(1, round(verdict.wait + 0.5)))),
                                ("retry-after-ms", str(max(1, round(verdict.wait * 1000))))]
                return json_reply(429, error_body(verdict.message or "Rate limit reached.", verdict.reason or
                                                  "requests", "rate_limit_exceeded"), headers)
            self.stats.requests_admitted += 1
            self.stats.tokens_admitted += cost
            if self.stats.first_admitted is None:
                self.stats.first_admitted = now
            self.stats.last_admitted = now
        return self._completion(request, body, headers, serial)

    def _completion(self, request: FakeRequest, body: dict[str, Any], headers: list[tuple[str, str]],
                    serial: int) -> FakeReply:
        answer = None
        for rule in self._answers:
            if rule.selects(request):
                rule.used += 1
                answer = rule.answer
                break
        if answer is not None and (answer.body is not None or answer.status != 200):
            payload = answer.body if answer.body is not None else error_body(
                "Scripted error.", "invalid_request_error")
            return json_reply(answer.status, payload, headers)
        created = int(get_clock().wall())
        path = request.path
        if path == "/responses":
            return self._responses.create(request, body, answer, headers, serial)
        if path == "/embeddings":
            result = answers.embedding_body(body)
            self.stats.prompt_tokens += result["usage"]["prompt_tokens"]
            return json_reply(200, result, headers)
        prefix = "chatcmpl" if path == "/chat/completions" else "cmpl"
        ident = f"{prefix}-fake{serial:012d}"
        if body.get("stream"):
            build = answers.chat_events if path == "/chat/completions" else answers.completion_events
            events = build(body, answer, id=ident, created=created)
            whole = answers.chat_body(body, answer, id=ident, created=created)
            self._count_usage(whole["usage"])
            self.extras.stored_chat.store(path, body, whole)
            return stream_reply(events, headers, self.chunk_delay)
        build_body = answers.chat_body if path == "/chat/completions" else answers.completion_body
        result = build_body(body, answer, id=ident, created=created)
        self._count_usage(result["usage"])
        self.extras.stored_chat.store(path, body, result)
        return json_reply(200, result, headers)

    def _count_usage(self, usage: Mapping[str, int]) -> None:
        self.stats.prompt_tokens += usage["prompt_tokens"]
        self.stats.completion_tokens += usage["completion_tokens"]

    # -- bookkeeping the shells report ----------------------------------------------------------

    def _opened(self) -> None:
        with self._lock:
            self.stats.in_flight += 1
            self.stats.max_in_flight = max(self.stats.max_in_flight, self.stats.in_flight)

    def _closed(self) -> None:
        with self._lock:
            self.stats.in_flight -= 1
