"""``client.fine_tuning.jobs``: create, inspect, page through, pause, resume and cancel
fine-tuning jobs, their events and (``jobs.checkpoints``) their checkpoints."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit.pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
from gptkit.resources._common import async_list, body_params, list_query, path_with, sync_list
from gptkit.resources._resource import AsyncResource, SyncResource
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
_AsyncJobsPages = AsyncPaginator[FineTuningJob, AsyncCursorPage[FineTuningJob]]
_AsyncCheckpointPages = AsyncPaginator[FineTuningJobCheckpoint, AsyncCursorPage[FineTuningJobCheckpoint]]


def _job(endpoint: Endpoint, call: str, job_id: str) -> str:
    return path_with(endpoint.path, call, fine_tuning_job_id=job_id)


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


class Jobs(SyncResource):
    """Fine-tuning jobs of a ``Client``."""

    @property
    def checkpoints(self) -> Checkpoints:
        """The checkpoints of a job: ``client.fine_tuning.jobs.checkpoints.list(job_id)``."""
        return self._sub(Checkpoints)

    def create(
        self, *, model: str, training_file: str, hyperparameters: Hyperparameters | None = None,
        integrations: Iterable[Integration] | None = None, metadata: Mapping[str, str] | None = None,
        method: Method | None = None, seed: int | None = None, suffix: str | None = None,
        validation_file: str | None = None, **options: Unpack[RequestOptions],
    ) -> FineTuningJob:
        """Start fine-tuning ``model`` on the uploaded ``training_file`` (a ``fine-tune`` file)."""
        params = _CreateArgs.of(model, training_file, hyperparameters, integrations, metadata, method, seed,
                                suffix, validation_file, options)
        call = self._client._prepare(CREATE, params, raw=self._raw)
        result: FineTuningJob = self._client._execute(call)
        return result

    def retrieve(self, fine_tuning_job_id: str, **options: Unpack[RequestOptions]) -> FineTuningJob:
        """A job's current state."""
        path = _job(RETRIEVE, "fine_tuning.jobs.retrieve", fine_tuning_job_id)
        result: FineTuningJob = self._client._execute(
            self._client._prepare(RETRIEVE, dict(options), raw=self._raw, path=path))
        return result

    def list(self, *, after: str | None = None, limit: int | None = None,
             metadata: Mapping[str, str] | None = None,
             **options: Unpack[RequestOptions]) -> SyncCursorPage[FineTuningJob]:
        """Jobs, newest first; iterating goes through every page."""
        query = list_query("fine_tuning.jobs.list", after=after, limit=limit, metadata=metadata, most=_MOST)
        result: SyncCursorPage[FineTuningJob] = sync_list(self, LIST[0], query, options)
        return result

    def cancel(self, fine_tuning_job_id: str, **options: Unpack[RequestOptions]) -> FineTuningJob:
        """Cancel a job that has not finished."""
        return self._action("cancel", fine_tuning_job_id, options)

    def pause(self, fine_tuning_job_id: str, **options: Unpack[RequestOptions]) -> FineTuningJob:
        """Pause a running job."""
        return self._action("pause", fine_tuning_job_id, options)

    def resume(self, fine_tuning_job_id: str, **options: Unpack[RequestOptions]) -> FineTuningJob:
        """Resume a paused job."""
        return self._action("resume", fine_tuning_job_id, options)

    def _action(self, action: str, job_id: str, options: RequestOptions) -> FineTuningJob:
        endpoint = ACTIONS[action]
        path = _job(endpoint, f"fine_tuning.jobs.{action}", job_id)
        result: FineTuningJob = self._client._execute(
            self._client._prepare(endpoint, dict(options), raw=self._raw, path=path))
        return result

    def list_events(self, fine_tuning_job_id: str, *, after: str | None = None, limit: int | None = None,
                    **options: Unpack[RequestOptions]) -> SyncCursorPage[FineTuningJobEvent]:
        """A job's events, newest first; iterating goes through every page."""
        path = _job(EVENTS[0], "fine_tuning.jobs.list_events", fine_tuning_job_id)
        query = list_query("fine_tuning.jobs.list_events", after=after, limit=limit, most=_MOST)
        result: SyncCursorPage[FineTuningJobEvent] = sync_list(self, EVENTS[0], query, options, path)
        return result


class AsyncJobs(AsyncResource):
    """Fine-tuning jobs of an ``AsyncClient``."""

    @property
    def checkpoints(self) -> AsyncCheckpoints:
        """The checkpoints of a job: ``client.fine_tuning.jobs.checkpoints.list(job_id)``."""
        return self._sub(AsyncCheckpoints)

    async def create(
        self, *, model: str, training_file: str, hyperparameters: Hyperparameters | None = None,
        integrations: Iterable[Integration] | None = None, metadata: Mapping[str, str] | None = None,
        method: Method | None = None, seed: int | None = None, suffix: str | None = None,
        validation_file: str | None = None, **options: Unpack[RequestOptions],
    ) -> FineTuningJob:
        """Start fine-tuning ``model`` on the uploaded ``training_file`` (a ``fine-tune`` file)."""
        params = _CreateArgs.of(model, training_file, hyperparameters, integrations, metadata, method, seed,
                                suffix, validation_file, options)
        call = self._client._prepare(CREATE, params, raw=self._raw)
        result: FineTuningJob = await self._client._execute(call)
        return result

    async def retrieve(self, fine_tuning_job_id: str, **options: Unpack[RequestOptions]) -> FineTuningJob:
        """A job's current state."""
        path = _job(RETRIEVE, "fine_tuning.jobs.retrieve", fine_tuning_job_id)
        result: FineTuningJob = await self._client._execute(
            self._client._prepare(RETRIEVE, dict(options), raw=self._raw, path=path))
        return result

    def list(self, *, after: str | None = None, limit: int | None = None,
             metadata: Mapping[str, str] | None = None,
             **options: Unpack[RequestOptions]) -> _AsyncJobsPages:
        """Jobs, newest first: ``await`` it for one page, ``async for`` over every job."""
        query = list_query("fine_tuning.jobs.list", after=after, limit=limit, metadata=metadata, most=_MOST)
        result: _AsyncJobsPages = async_list(self, LIST[1], query, options)
        return result

    async def cancel(self, fine_tuning_job_id: str, **options: Unpack[RequestOptions]) -> FineTuningJob:
        """Cancel a job that has not finished."""
        return await self._action("cancel", fine_tuning_job_id, options)

    async def pause(self, fine_tuning_job_id: str, **options: Unpack[RequestOptions]) -> FineTuningJob:
        """Pause a running job."""
        return await self._action("pause", fine_tuning_job_id, options)

    async def resume(self, fine_tuning_job_id: str, **options: Unpack[RequestOptions]) -> FineTuningJob:
        """Resume a paused job."""
        return await self._action("resume", fine_tuning_job_id, options)

    async def _action(self, action: str, job_id: str, options: RequestOptions) -> FineTuningJob:
        endpoint = ACTIONS[action]
        path = _job(endpoint, f"fine_tuning.jobs.{action}", job_id)
        result: FineTuningJob = await self._client._execute(
            self._client._prepare(endpoint, dict(options), raw=self._raw, path=path))
        return result

    def list_events(
        self, fine_tuning_job_id: str, *, after: str | None = None, limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[FineTuningJobEvent, AsyncCursorPage[FineTuningJobEvent]]:
        """A job's events, newest first: ``await`` for one page, ``async for`` over every event."""
        path = _job(EVENTS[1], "fine_tuning.jobs.list_events", fine_tuning_job_id)
        query = list_query("fine_tuning.jobs.list_events", after=after, limit=limit, most=_MOST)
        result: AsyncPaginator[FineTuningJobEvent, AsyncCursorPage[FineTuningJobEvent]] = async_list(
            self, EVENTS[1], query, options, path)
        return result


class Checkpoints(SyncResource):
    """The checkpoints of fine-tuning jobs (``Client``)."""

    def list(self, fine_tuning_job_id: str, *, after: str | None = None, limit: int | None = None,
             **options: Unpack[RequestOptions]) -> SyncCursorPage[FineTuningJobCheckpoint]:
        """A job's checkpoints; iterating goes through every page."""
        path = _job(CHECKPOINTS[0], "fine_tuning.jobs.checkpoints.list", fine_tuning_job_id)
        query = list_query("fine_tuning.jobs.checkpoints.list", after=after, limit=limit, most=_MOST)
        result: SyncCursorPage[FineTuningJobCheckpoint] = sync_list(
            self, CHECKPOINTS[0], query, options, path)
        return result


class AsyncCheckpoints(AsyncResource):
    """The checkpoints of fine-tuning jobs (``AsyncClient``)."""

    def list(
        self, fine_tuning_job_id: str, *, after: str | None = None, limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> _AsyncCheckpointPages:
        """A job's checkpoints: ``await`` for one page, ``async for`` over every checkpoint."""
        path = _job(CHECKPOINTS[1], "fine_tuning.jobs.checkpoints.list", fine_tuning_job_id)
        query = list_query("fine_tuning.jobs.checkpoints.list", after=after, limit=limit, most=_MOST)
        result: _AsyncCheckpointPages = async_list(self, CHECKPOINTS[1], query, options, path)
        return result
