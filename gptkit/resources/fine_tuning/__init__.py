"""``client.fine_tuning``: the namespace of ``client.fine_tuning.jobs``."""

from __future__ import annotations

from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources.fine_tuning.jobs import AsyncJobs, Jobs

__all__ = ["AsyncFineTuning", "FineTuning"]


class FineTuning(SyncResource):
    """``client.fine_tuning`` of a ``Client``."""

    @property
    def jobs(self) -> Jobs:
        """Fine-tuning jobs: ``client.fine_tuning.jobs.create(...)``."""
        return self._sub(Jobs)


class AsyncFineTuning(AsyncResource):
    """``client.fine_tuning`` of an ``AsyncClient``."""

    @property
    def jobs(self) -> AsyncJobs:
        """Fine-tuning jobs: ``await client.fine_tuning.jobs.create(...)``."""
        return self._sub(AsyncJobs)
