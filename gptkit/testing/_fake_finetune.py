"""The fake's fine-tuning jobs: they validate their training file, run and succeed on the fake's
clock (``FINE_TUNE_SECONDS`` in all; paused time does not count), logging events and writing
checkpoints and a result file as the API does. ``complete_all()`` finishes every job at once."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gptkit._clock import get_clock
from gptkit._tokens import estimate_text_tokens
from gptkit.testing._fake_files import FakeFileStore, list_page, not_found, page_limit
from gptkit.testing._fake_forms import bad_request, json_object, missing

if TYPE_CHECKING:
    from gptkit.testing._fake_files import Handler
    from gptkit.testing._faults import FakeRequest

__all__ = ["FINE_TUNE_SECONDS", "FakeFineTuning", "FakeFineTuningJob"]

#: Seconds of the fake's clock a job takes from creation to ``succeeded``.
FINE_TUNE_SECONDS = 1.0
_TERMINAL = frozenset({"succeeded", "failed", "cancelled"})
_EPOCHS = 3


@dataclass
class FakeFineTuningJob:
    """One job of the fake, as last advanced; ``to_dict()`` is the API's object."""

    id: str
    model: str
    training_file: str
    created_at: int
    started: float
    body: dict[str, Any]
    status: str = "validating_files"
    paused_at: float | None = None
    paused_for: float = 0.0
    trained_tokens: int | None = None
    fine_tuned_model: str | None = None
    finished_at: int | None = None
    result_files: list[str] = field(default_factory=list)
    error: dict[str, Any] | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    checkpoints: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        method = self.body.get("method") or {"type": "supervised", "supervised": {
            "hyperparameters": self.body.get("hyperparameters") or {}}}
        hyper = {"batch_size": "auto", "learning_rate_multiplier": "auto", "n_epochs": "auto",
                 **(self.body.get("hyperparameters") or {})}
        if self.status == "succeeded":
            hyper = {k: (v if v != "auto" else {"n_epochs": _EPOCHS, "batch_size": 1}.get(k, 1.8))
                     for k, v in hyper.items()}
        return {"id": self.id, "object": "fine_tuning.job", "created_at": self.created_at,
                "error": self.error, "fine_tuned_model": self.fine_tuned_model,
                "finished_at": self.finished_at,
                "hyperparameters": hyper, "model": self.model, "organization_id": "org-fake",
                "result_files": self.result_files, "seed": self.body.get("seed", 42), "status": self.status,
                "trained_tokens": self.trained_tokens, "training_file": self.training_file,
                "validation_file": self.body.get("validation_file"), "estimated_finish": None,
                "integrations": self.body.get("integrations"), "metadata": self.body.get("metadata"),
                "method": method, "user_provided_suffix": self.body.get("suffix")}


class FakeFineTuning:
    """``/fine_tuning/jobs`` and its events, checkpoints, cancel, pause and resume."""

    def __init__(self, files: FakeFileStore, now: Callable[[], float]) -> None:
        self.jobs: dict[str, FakeFineTuningJob] = {}
        self._files = files
        self._now = now
        self._serial = itertools.count(1)
        self._events = itertools.count(1)

    def routes(self) -> list[tuple[str, str, Handler]]:
        job = "/fine_tuning/jobs/{job_id}"
        return [("POST", "/fine_tuning/jobs", self._create), ("GET", "/fine_tuning/jobs", self._list),
                ("GET", job, self._retrieve), ("POST", job + "/cancel", self._cancel),
                ("POST", job + "/pause", self._pause), ("POST", job + "/resume", self._resume),
                ("GET", job + "/events", self._list_events), ("GET", job + "/checkpoints", self._checkpoints)]

    def complete_all(self) -> list[str]:
        """Finish every running job now; returns their ids."""
        done = []
        for job in self.jobs.values():
            if job.status not in _TERMINAL:
                job.paused_at = None
                self._advance(job, float("inf"))
                done.append(job.id)
        return done

    # -- progress -----------------------------------------------------------------------------

    def _event(self, job: FakeFineTuningJob, message: str, level: str = "info",
               data: dict[str, Any] | None = None) -> None:
        job.events.append({"id": f"ftevent-fake{next(self._events):012d}", "object": "fine_tuning.job.event",
                           "created_at": int(get_clock().wall()), "level": level, "message": message,
                           "data": data or {}, "type": "metrics" if data else "message"})

    def _advance(self, job: FakeFineTuningJob, now: float) -> None:
        if job.status in _TERMINAL or job.paused_at is not None:
            return
        elapsed = (now - job.started - job.paused_for) / FINE_TUNE_SECONDS
        for stage, at in (("queued", 0.1), ("running", 0.2), ("succeeded", 1.0)):
            if elapsed < at or job.status == stage or _order(job.status) >= _order(stage):
                continue
            job.status = stage
            if stage == "queued":
                self._event(job, "Validated training file: " + job.training_file)
            elif stage == "running":
                self._event(job, "Fine-tuning job started")
            else:
                self._finish(job)

    def _finish(self, job: FakeFineTuningJob) -> None:
        training = self._files.files.get(job.training_file)
        lines = training.content.decode("utf-8", "replace").splitlines() if training else []
        tokens = sum(estimate_text_tokens(line) for line in lines if line.strip()) * _EPOCHS
        steps = max(len([line for line in lines if line.strip()]), 1) * _EPOCHS
        suffix = job.body.get("suffix") or ""
        job.fine_tuned_model = f"ft:{job.model}:fake-org:{suffix}:{job.id[-8:]}"
        for number in range(1, _EPOCHS + 1):
            step = steps * number // _EPOCHS
            loss = round(1.5 / (number + 1), 4)
            metrics = {"step": step, "train_loss": loss}
            self._event(job, f"Step {step}/{steps}: training loss={loss}", data=metrics)
            model = job.fine_tuned_model if number == _EPOCHS else f"{job.fine_tuned_model}:ckpt-step-{step}"
            job.checkpoints.append({"id": f"ftckpt-fake{job.id[-6:]}{number:03d}",
                                    "object": "fine_tuning.job.checkpoint",
                                    "created_at": int(get_clock().wall()),
                                    "fine_tuned_model_checkpoint": model, "fine_tuning_job_id": job.id,
                                    "step_number": step, "metrics": metrics})
        results = "step,train_loss\n" + "".join(f"{c['step_number']},{c['metrics']['train_loss']}\n"
                                                for c in job.checkpoints)
        job.result_files = [self._files.add("step_metrics.csv", "fine-tune-results", results.encode()).id]
        job.trained_tokens = tokens
        job.finished_at = int(get_clock().wall())
        self._event(job, "The job has successfully completed")

    def _find(self, params: dict[str, str]) -> FakeFineTuningJob | tuple[int, Any]:
        job = self.jobs.get(params["job_id"])
        if job is None:
            return not_found("fine-tuning job", params["job_id"], "fine_tuning_job_id")
        self._advance(job, self._now())
        return job

    # -- endpoints ----------------------------------------------------------------------------

    def _create(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        body = json_object(request)
        if body is None:
            return bad_request("The request body must be a JSON object.")
        for name in ("model", "training_file"):
            if not body.get(name):
                return missing(name)
        training = self._files.files.get(str(body["training_file"]))
        if training is None:
            return bad_request(f"invalid training_file: {body['training_file']}", "training_file")
        if training.purpose != "fine-tune":
            return bad_request(f"File {training.id} has purpose '{training.purpose}', not 'fine-tune'.",
                               "training_file")
        job = FakeFineTuningJob(f"ftjob-fake{next(self._serial):015d}", str(body["model"]), training.id,
                                int(get_clock().wall()), self._now(), body)
        self._event(job, f"Created fine-tuning job: {job.id}")
        self.jobs[job.id] = job
        return 200, job.to_dict()

    def _list(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        limit = page_limit(request.query.get("limit"), 20, 10_000)
        if limit is None:
            return bad_request("'limit' must be a positive integer.", "limit")
        wanted = {k[len("metadata["):-1]: v for k, v in request.query.items() if k.startswith("metadata[")}
        jobs = [j for j in reversed(self.jobs.values())
                if all((j.body.get("metadata") or {}).get(k) == v for k, v in wanted.items())]
        for job in jobs:
            self._advance(job, self._now())
        return 200, list_page([j.to_dict() for j in jobs], request.query.get("after"), limit)

    def _retrieve(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        job = self._find(params)
        return job if isinstance(job, tuple) else (200, job.to_dict())

    def _cancel(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        job = self._find(params)
        if isinstance(job, tuple):
            return job
        if job.status in _TERMINAL:
            return bad_request(f"Job {job.id} has already {job.status}; it cannot be cancelled.")
        job.status, job.paused_at = "cancelled", None
        self._event(job, "Fine-tuning job cancelled")
        return 200, job.to_dict()

    def _pause(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        job = self._find(params)
        if isinstance(job, tuple):
            return job
        if job.status != "running":
            return bad_request(f"Job {job.id} is {job.status}; only a running job can be paused.")
        job.status, job.paused_at = "paused", self._now()
        self._event(job, "Fine-tuning job paused")
        return 200, job.to_dict()

    def _resume(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        job = self._find(params)
        if isinstance(job, tuple):
            return job
        if job.paused_at is None:
            return bad_request(f"Job {job.id} is {job.status}; only a paused job can be resumed.")
        job.paused_for += self._now() - job.paused_at
        job.status, job.paused_at = "running", None
        self._event(job, "Fine-tuning job resumed")
        return 200, job.to_dict()

    def _list_events(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        job = self._find(params)
        if isinstance(job, tuple):
            return job
        limit = page_limit(request.query.get("limit"), 20, 10_000) or 20
        return 200, list_page(list(reversed(job.events)), request.query.get("after"), limit)

    def _checkpoints(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        job = self._find(params)
        if isinstance(job, tuple):
            return job
        limit = page_limit(request.query.get("limit"), 10, 10_000) or 10
        return 200, list_page(list(reversed(job.checkpoints)), request.query.get("after"), limit)


def _order(status: str) -> int:
    return ["validating_files", "queued", "running", "paused", "succeeded"].index(status) \
        if status in ("validating_files", "queued", "running", "paused", "succeeded") else 99
