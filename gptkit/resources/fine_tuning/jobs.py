"""``client.fine_tuning.jobs``: create, inspect, page through, pause, resume and cancel
fine-tuning jobs, their events and (``jobs.checkpoints``) their checkpoints."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final, cast

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit.pagination import AsyncCursorPage, SyncCursorPage
from gptkit.resources._common import body_params, list_query, path_with
from gptkit.resources._resource import AsyncResource, Sub, SyncResource
from gptkit.resources._twin import twin, twin_list
from gptkit.types.fine_tuning.fine_tuning_job import FineTuningJob
from gptkit.types.fine_tuning.fine_tuning_job_event import FineTuningJobEvent
from gptkit.types.fine_tuning.job_create_params import Hyperparameters, Integration, JobCreateParams, Method
from gptkit.types.fine_tuning.jobs.fine_tuning_job_checkpoint import FineTuningJobCheckpoint
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncCheckpoints", "AsyncJobs", "Checkpoints", "Jobs"]

_JOB = "/fine_tuning/jobs/{fine_tuning_job_id}"
CREATE = Endpoint(method="POST", path="/fine_tuning/jobs", response=FineTuningJob,
                  validator=ParamValidator(JobCreateParams, "fine_tuning.jobs.create"))
RETRIEVE = Endpoint(method="GET", path=_JOB, response=FineTuningJob)
ACTIONS = {action: Endpoint(method="POST", path=f"{_JOB}/{action}", response=FineTuningJob)
           for action in ("cancel", "pause", "resume")}
LIST = (Endpoint(method="GET", path="/fine_tuning/jobs", response=SyncCursorPage[FineTuningJob]),
        Endpoint(method="GET", path="/fine_tuning/jobs", response=AsyncCursorPage[FineTuningJob]))
EVENTS = (Endpoint(method="GET", path=f"{_JOB}/events", response=SyncCursorPage[FineTuningJobEvent]),
          Endpoint(method="GET", path=f"{_JOB}/events", response=AsyncCursorPage[FineTuningJobEvent]))
CHECKPOINTS = (
    Endpoint(method="GET", path=f"{_JOB}/checkpoints", response=SyncCursorPage[FineTuningJobCheckpoint]),
    Endpoint(method="GET", path=f"{_JOB}/checkpoints", response=AsyncCursorPage[FineTuningJobCheckpoint]),
)
_MOST = 10_000  # the API sets no maximum page size here


def _job(endpoint: Endpoint, call: str, job_id: str) -> str:
    return path_with(endpoint.path, call, fine_tuning_job_id=job_id)


def _action(action: str, job_id: str) -> tuple[Endpoint, str]:
    """The endpoint and path of ``cancel``, ``pause`` or ``resume``."""
    return ACTIONS[action], _job(ACTIONS[action], f"fine_tuning.jobs.{action}", job_id)


class _CreateArgs:
    """The keyword arguments of ``create`` as a mapping (one place for both twins)."""

    @staticmethod
    def of(model: str, training_file: str, hyperparameters: Hyperparameters | None,
           integrations: Iterable[Integration] | None, metadata: Mapping[str, str] | None,
           method: Method | None, seed: int | None, suffix: str | None, validation_file: str | None,
           options: RequestOptions) -> dict[str, Any]:
        return body_params({
            "model": model, "training_file": training_file, "hyperparameters": hyperparameters,
            "integrations": None if integrations is None else list(integrations), "metadata": metadata,
            "method": method, "seed": seed, "suffix": suffix, "validation_file": validation_file,
        }, options)


class Checkpoints(SyncResource):
    """The checkpoints of fine-tuning jobs (``Client``; ``AsyncCheckpoints`` runs the same)."""

    def list(self, fine_tuning_job_id: str, *, after: str | None = None, limit: int | None = None,
             **options: Unpack[RequestOptions]) -> SyncCursorPage[FineTuningJobCheckpoint]:
        """A job's checkpoints; iterating goes through every page (async: ``await`` for one
        page, ``async for`` over every checkpoint)."""
        path = _job(CHECKPOINTS[0], "fine_tuning.jobs.checkpoints.list", fine_tuning_job_id)
        query = list_query("fine_tuning.jobs.checkpoints.list", after=after, limit=limit, most=_MOST)
        return cast("SyncCursorPage[FineTuningJobCheckpoint]", self._list(CHECKPOINTS, query, options, path))


class AsyncCheckpoints(AsyncResource):
    """The checkpoints of fine-tuning jobs (``AsyncClient``): ``Checkpoints``'s ``list``."""

    list: Final = twin_list(Checkpoints.list)


class Jobs(SyncResource):
    """Fine-tuning jobs of a ``Client`` (``AsyncJobs`` runs the same methods)."""

    checkpoints: Final = Sub(Checkpoints, AsyncCheckpoints)
    """The checkpoints of a job: ``client.fine_tuning.jobs.checkpoints.list(job_id)``."""

    def create(
        self, *, model: str, training_file: str, hyperparameters: Hyperparameters | None = None,
        integrations: Iterable[Integration] | None = None, metadata: Mapping[str, str] | None = None,
        method: Method | None = None, seed: int | None = None, suffix: str | None = None,
        validation_file: str | None = None, **options: Unpack[RequestOptions],
    ) -> FineTuningJob:
        """Start fine-tuning ``model`` on the uploaded ``training_file`` (a ``fine-tune`` file)."""
        params = _CreateArgs.of(model, training_file, hyperparameters, integrations, metadata, method, seed,
                                suffix, validation_file, options)
        return cast(FineTuningJob, self._send(CREATE, params))

    def retrieve(self, fine_tuning_job_id: str, **options: Unpack[RequestOptions]) -> FineTuningJob:
        """A job's current state."""
        path = _job(RETRIEVE, "fine_tuning.jobs.retrieve", fine_tuning_job_id)
        return cast(FineTuningJob, self._send(RETRIEVE, dict(options), path))

    def list(self, *, after: str | None = None, limit: int | None = None,
             metadata: Mapping[str, str] | None = None,
             **options: Unpack[RequestOptions]) -> SyncCursorPage[FineTuningJob]:
        """Jobs, newest first; iterating goes through every page (async: ``await`` it for one
        page, ``async for`` over every job)."""
        query = list_query("fine_tuning.jobs.list", after=after, limit=limit, metadata=metadata, most=_MOST)
        return cast("SyncCursorPage[FineTuningJob]", self._list(LIST, query, options))

    def cancel(self, fine_tuning_job_id: str, **options: Unpack[RequestOptions]) -> FineTuningJob:
        """Cancel a job that has not finished."""
        endpoint, path = _action("cancel", fine_tuning_job_id)
        return cast(FineTuningJob, self._send(endpoint, dict(options), path))

    def pause(self, fine_tuning_job_id: str, **options: Unpack[RequestOptions]) -> FineTuningJob:
        """Pause a running job."""
        endpoint, path = _action("pause", fine_tuning_job_id)
        return cast(FineTuningJob, self._send(endpoint, dict(options), path))

    def resume(self, fine_tuning_job_id: str, **options: Unpack[RequestOptions]) -> FineTuningJob:
        """Resume a paused job."""
        endpoint, path = _action("resume", fine_tuning_job_id)
        return cast(FineTuningJob, self._send(endpoint, dict(options), path))

    def list_events(self, fine_tuning_job_id: str, *, after: str | None = None, limit: int | None = None,
                    **options: Unpack[RequestOptions]) -> SyncCursorPage[FineTuningJobEvent]:
        """A job's events, newest first; iterating goes through every page (async: ``await``
        for one page, ``async for`` over every event)."""
        path = _job(EVENTS[0], "fine_tuning.jobs.list_events", fine_tuning_job_id)
        query = list_query("fine_tuning.jobs.list_events", after=after, limit=limit, most=_MOST)
        return cast("SyncCursorPage[FineTuningJobEvent]", self._list(EVENTS, query, options, path))


class AsyncJobs(AsyncResource):
    """Fine-tuning jobs of an ``AsyncClient``: ``Jobs``'s methods, awaited."""

    checkpoints: Final = Sub(Checkpoints, AsyncCheckpoints)
    """The checkpoints of a job: ``client.fine_tuning.jobs.checkpoints.list(job_id)``."""

    create: Final = twin(Jobs.create)
    retrieve: Final = twin(Jobs.retrieve)
    list: Final = twin_list(Jobs.list)
    cancel: Final = twin(Jobs.cancel)
    pause: Final = twin(Jobs.pause)
    resume: Final = twin(Jobs.resume)
    list_events: Final = twin_list(Jobs.list_events)
