"""The fake's Batch API: jobs that validate their input file, answer each line, write files.

A job moves ``validating -> in_progress -> finalizing -> completed`` as the fake's clock
advances (``batch_time`` seconds in all: a quarter validating, half answering lines, a quarter
finalizing), or at once with ``FakeOpenAI.complete_batches()``. It advances lazily, whenever a
client looks at it. Each line is answered by the fake's own chat / completions / embeddings
code through ``FakeCore.handle`` (so scripted answers and injected faults apply to it), but not
charged to the RPM/TPM limits. Outputs and errors go to files in the provider's line format.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gptkit._clock import get_clock
from gptkit.testing._fake_answers import error_body
from gptkit.testing._fake_files import FakeFileStore, Handler, list_page, not_found, page_limit

if TYPE_CHECKING:
    from gptkit.testing._fake_core import FakeCore
    from gptkit.testing._fake_reply import FakeReply
    from gptkit.testing._faults import FakeRequest

__all__ = ["BATCH_ENDPOINTS", "FakeBatch", "FakeBatchJobs"]

#: The endpoints a fake batch can run (the ones the fake answers).
BATCH_ENDPOINTS = frozenset({"/v1/chat/completions", "/v1/responses", "/v1/embeddings", "/v1/completions"})
_WINDOW = 24 * 3600  # "24h", the only completion window
_TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})
_LEFTOVER = {
    "expired": ("batch_expired", "This request could not be executed before the completion window expired."),
    "cancelled": ("batch_cancelled", "This request was not executed because the batch was cancelled."),
}
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass
class InputLine:
    """One line of a job's input file: its number (from 1), ``custom_id`` and request body."""

    number: int
    custom_id: str
    body: dict[str, Any]


@dataclass
class FakeBatch:
    """One Batch API job of the fake, as last advanced; ``to_dict()`` is the API's object."""

    id: str
    endpoint: str
    input_file_id: str
    completion_window: str
    metadata: dict[str, str] | None
    created_at: int
    #: The fake clock's reading at creation (progress is measured from it).
    started: float
    batch_time: float | None
    status: str = "validating"
    model: str | None = None
    lines: list[InputLine] = field(default_factory=list, repr=False)
    #: How many lines have been answered (in input order).
    answered: int = 0
    completed: int = 0
    failed: int = 0
    output_lines: list[bytes] = field(default_factory=list, repr=False)
    error_lines: list[bytes] = field(default_factory=list, repr=False)
    errors: list[dict[str, Any]] = field(default_factory=list)
    output_file_id: str | None = None
    error_file_id: str | None = None
    times: dict[str, int] = field(default_factory=dict)
    usage: dict[str, int] = field(default_factory=lambda: {"input": 0, "output": 0, "total": 0})
    # The credentials its lines are sent with (never shown).
    auth: dict[str, str] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The ``batch`` object, with the fields of the API reference."""
        times = self.times
        return {
            "id": self.id, "object": "batch", "endpoint": self.endpoint, "model": self.model,
            "errors": {"object": "list", "data": list(self.errors)} if self.errors else None,
            "input_file_id": self.input_file_id, "completion_window": self.completion_window,
            "status": self.status, "output_file_id": self.output_file_id, "error_file_id": self.error_file_id,
            "created_at": self.created_at, "in_progress_at": times.get("in_progress"),
            "expires_at": self.created_at + _WINDOW, "finalizing_at": times.get("finalizing"),
            "completed_at": times.get("completed"), "failed_at": times.get("failed"),
            "expired_at": times.get("expired"), "cancelling_at": times.get("cancelling"),
            "cancelled_at": times.get("cancelled"),
            "request_counts": {"total": len(self.lines), "completed": self.completed, "failed": self.failed},
            "usage": {"input_tokens": self.usage["input"], "input_tokens_details": {"cached_tokens": 0},
                      "output_tokens": self.usage["output"], "output_tokens_details": {"reasoning_tokens": 0},
                      "total_tokens": self.usage["total"]},
            "metadata": self.metadata,
        }


def _bad(message: str, param: str | None, code: str = "invalid_value") -> tuple[int, Any]:
    return 400, error_body(message, "invalid_request_error", code, param)


def _line_error(code: str, message: str, line: int, param: str | None = None) -> dict[str, Any]:
    return {"code": code, "message": message, "param": param, "line": line}


def parse_input(content: bytes, endpoint: str) -> tuple[list[InputLine], list[dict[str, Any]]]:
    """The lines of a batch input file, and the validation errors (the batch fails if any)."""
    lines: list[InputLine] = []
    errors: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, raw in enumerate(content.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            errors.append(_line_error("invalid_json_line", "This line is not valid JSON.", number))
            continue
        custom_id = data.get("custom_id") if isinstance(data, dict) else None
        body = data.get("body") if isinstance(data, dict) else None
        if not isinstance(custom_id, str) or not custom_id:
            errors.append(_line_error("missing_required_parameter", "Missing 'custom_id'.", number,
                                      "custom_id"))
        elif custom_id in seen:
            errors.append(_line_error("duplicate_custom_id", f"The custom_id '{custom_id}' is used more than "
                                      "once in this file.", number, "custom_id"))
        elif data.get("method", "POST") != "POST":
            errors.append(_line_error("invalid_value", "Only POST requests are supported.", number, "method"))
        elif data.get("url") != endpoint:
            errors.append(_line_error("mismatched_endpoint", f"The url '{data.get('url')}' does not match "
                                      f"the batch's endpoint '{endpoint}'.", number, "url"))
        elif not isinstance(body, dict) or not isinstance(body.get("model"), str):
            errors.append(_line_error("missing_required_parameter", "The body must be an object with a "
                                      "'model'.", number, "body.model"))
        else:
            seen.add(custom_id)
            lines.append(InputLine(number, custom_id, body))
    if not lines and not errors:
        errors.append(_line_error("empty_file", "The input file holds no requests.", 0))
    return lines, errors


class FakeBatchJobs:
    """Batch API jobs by id, the ``/batches`` endpoints, and how jobs advance."""

    def __init__(self, core: FakeCore, files: FakeFileStore, batch_time: float | None) -> None:
        if batch_time is not None and batch_time < 0:
            raise ValueError("batch_time must be >= 0 seconds or None")
        self.core = core
        self.files = files
        self.batch_time = batch_time
        self.jobs: dict[str, FakeBatch] = {}
        self._serial = itertools.count(1)

    def routes(self) -> list[tuple[str, str, Handler]]:
        return [("POST", "/batches", self._create), ("GET", "/batches", self._list),
                ("GET", "/batches/{batch_id}", self._retrieve),
                ("POST", "/batches/{batch_id}/cancel", self._cancel)]

    # -- endpoints ------------------------------------------------------------------------------

    def _create(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        body = request.body
        if not isinstance(body, dict):
            return _bad("The request body must be a JSON object.", None)
        file_id = body.get("input_file_id")
        if not isinstance(file_id, str):
            return _bad("Missing required parameter: 'input_file_id'.", "input_file_id",
                        "missing_required_parameter")
        source = self.files.files.get(file_id)
        if source is None:
            return not_found("File", file_id, "input_file_id")
        if source.purpose != "batch":
            return _bad(f"File {file_id} was not uploaded with purpose 'batch'.", "input_file_id")
        endpoint = body.get("endpoint")
        if endpoint not in BATCH_ENDPOINTS:
            allowed = ", ".join(sorted(BATCH_ENDPOINTS))
            return _bad(f"'endpoint' must be one of {allowed} (in this fake), not {endpoint!r}.", "endpoint")
        if body.get("completion_window") != "24h":
            return _bad("'completion_window' must be '24h'.", "completion_window")
        metadata = body.get("metadata")
        if metadata is not None and (not isinstance(metadata, Mapping) or len(metadata) > 16 or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in metadata.items())):
            return _bad("'metadata' must map at most 16 string keys to string values.", "metadata")
        job = FakeBatch(
            id=f"batch_fake{next(self._serial):015d}", endpoint=endpoint, input_file_id=file_id,
            completion_window="24h", metadata=dict(metadata) if metadata is not None else None,
            created_at=int(get_clock().wall()), started=self.core._now(), batch_time=self.batch_time,
            auth={k: v for k, v in request.headers.items() if k in ("authorization", "api-key")},
        )
        self.jobs[job.id] = job
        return 200, job.to_dict()

    def _retrieve(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        job = self.jobs.get(params["batch_id"])
        if job is None:
            return not_found("batch", params["batch_id"], "batch_id")
        self.advance(job, self.core._now())
        return 200, job.to_dict()

    def _list(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        limit = page_limit(request.query.get("limit"), 20, 100)
        if limit is None:
            return _bad("'limit' must be an integer from 1 to 100.", "limit")
        now = self.core._now()
        newest_first = list(reversed(self.jobs.values()))
        for job in newest_first:
            self.advance(job, now)
        return 200, list_page([job.to_dict() for job in newest_first], request.query.get("after"), limit)

    def _cancel(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        job = self.jobs.get(params["batch_id"])
        if job is None:
            return not_found("batch", params["batch_id"], "batch_id")
        self.advance(job, self.core._now())
        if job.status in _TERMINAL or job.status == "finalizing":
            return _bad(f"Cannot cancel a batch with status '{job.status}'.", None, "invalid_state")
        if job.status != "cancelling":
            job.status = "cancelling"
            self._stamp(job, "cancelling")
        return 200, job.to_dict()

    # -- progress -------------------------------------------------------------------------------

    def advance(self, job: FakeBatch, now: float) -> None:
        """Bring ``job`` to where its clock says it is (a no-op once it has ended)."""
        if job.status in _TERMINAL:
            return
        if job.status == "cancelling":
            self._end(job, "cancelled")
            return
        elapsed = now - job.started
        if elapsed >= _WINDOW:
            self._expire(job, job.answered)
            return
        total = job.batch_time
        if total is None:
            return
        if job.status == "validating" and elapsed >= total / 4:
            self._validate(job)
        if job.status == "in_progress":
            share = 1.0 if total <= 0 else min(1.0, (elapsed - total / 4) / (total / 2))
            self._answer_until(job, math.floor(share * len(job.lines)))
            if job.answered == len(job.lines) and elapsed >= total * 3 / 4:
                job.status = "finalizing"
                self._stamp(job, "finalizing")
        if job.status == "finalizing" and elapsed >= total:
            self._end(job, "completed")

    def complete_all(self, now: float) -> list[str]:
        moved = []
        for job in list(self.jobs.values()):
            if job.status in _TERMINAL:
                continue
            moved.append(job.id)
            if job.status == "validating":
                self._validate(job)
            if job.status == "cancelling":
                self._end(job, "cancelled")
            elif job.status != "failed":
                self._end(job, "completed")
        return moved

    def expire_all(self, now: float, answered: int) -> list[str]:
        active = [job for job in self.jobs.values() if job.status not in _TERMINAL]
        return [job.id for job in active if self._expire(job, answered)]

    def _expire(self, job: FakeBatch, answered: int) -> bool:
        if job.status == "validating":
            self._validate(job)
            if job.status == "failed":
                return False
        self._answer_until(job, answered)
        self._end(job, "expired")
        return True

    def _stamp(self, job: FakeBatch, name: str) -> None:
        job.times.setdefault(name, int(get_clock().wall()))

    def _validate(self, job: FakeBatch) -> None:
        source = self.files.files.get(job.input_file_id)
        lines, errors = parse_input(source.content if source is not None else b"", job.endpoint)
        if errors:
            job.errors = errors[:100]
            job.status = "failed"
            self._stamp(job, "failed")
            return
        job.lines = lines
        job.model = str(lines[0].body["model"])
        job.status = "in_progress"
        self._stamp(job, "in_progress")

    def _end(self, job: FakeBatch, status: str) -> None:
        """Answer (completed) or give up on (expired, cancelled) the rest; write the files."""
        if status == "completed":
            self._answer_until(job, len(job.lines))
            self._stamp(job, "finalizing")
        else:
            code, message = _LEFTOVER[status]
            for line in job.lines[job.answered:]:
                record = {"id": self._line_id(job, line), "custom_id": line.custom_id, "response": None,
                          "error": {"code": code, "message": message}}
                job.error_lines.append((_dumps(record) + "\n").encode())
                job.failed += 1
            job.answered = len(job.lines)
        if job.output_lines:
            job.output_file_id = self.files.add(f"{job.id}_output.jsonl", "batch_output",
                                                b"".join(job.output_lines)).id
        if job.error_lines:
            job.error_file_id = self.files.add(f"{job.id}_error.jsonl", "batch_output",
                                               b"".join(job.error_lines)).id
        job.status = status
        self._stamp(job, status)

    @staticmethod
    def _line_id(job: FakeBatch, line: InputLine) -> str:
        return "batch_req_" + hashlib.sha1(f"{job.id}:{line.custom_id}".encode()).hexdigest()[:32]

    def _answer_until(self, job: FakeBatch, count: int) -> None:
        while job.answered < min(count, len(job.lines)):
            self._answer(job, job.lines[job.answered])
            job.answered += 1

    def _answer(self, job: FakeBatch, line: InputLine) -> None:
        """Send one line through the fake's own answering code; file the outcome."""
        body = dict(line.body)
        if body.pop("stream", None):  # batch answers are never streamed
            body.pop("stream_options", None)
        headers = {**job.auth, "content-type": "application/json", "x-fake-batch-id": job.id}
        reply = self.core.handle("POST", job.endpoint, headers, _dumps(body).encode(), rate_limited=False)
        record: dict[str, Any] = {"id": self._line_id(job, line), "custom_id": line.custom_id,
                                  "response": None, "error": None}
        parsed = _json_or_none(reply)
        if reply.drop_before_headers or reply.drop is not None:
            record["error"] = {"code": "server_error", "message": "The connection ended mid-answer."}
        elif reply.status == 200 and parsed is None:
            record["error"] = {"code": "server_error", "message": "The model's answer was not valid JSON."}
        else:
            request_id = next((v for k, v in reply.headers if k == "x-request-id"), None)
            shown = parsed if parsed is not None else b"".join(reply.chunks).decode("utf-8", "replace")
            record["response"] = {"status_code": reply.status, "request_id": request_id, "body": shown}
        ok = record["error"] is None and reply.status == 200
        if ok and isinstance(parsed, dict) and isinstance(parsed.get("usage"), dict):
            usage = parsed["usage"]
            # Chat and completions count prompt/completion tokens; the Responses API input/output.
            prompt = int(usage.get("prompt_tokens") or usage.get("input_tokens") or 0)
            completion = int(usage.get("completion_tokens") or usage.get("output_tokens") or 0)
            job.usage["input"] += prompt
            job.usage["output"] += completion
            job.usage["total"] += int(usage.get("total_tokens") or prompt + completion)
        encoded = (_dumps(record) + "\n").encode()
        if ok:
            job.output_lines.append(encoded)
            job.completed += 1
        else:
            job.error_lines.append(encoded)
            job.failed += 1


def _json_or_none(reply: FakeReply) -> Any:
    try:
        return json.loads(b"".join(reply.chunks))
    except ValueError:
        return None
