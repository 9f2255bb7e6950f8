"""``client.fine_tuning``: the namespace of ``jobs``, ``checkpoints`` (permissions) and ``alpha``
(graders)."""

from __future__ import annotations

from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources.fine_tuning.alpha import Alpha, AsyncAlpha
from gptkit.resources.fine_tuning.checkpoints import AsyncCheckpoints, Checkpoints
from gptkit.resources.fine_tuning.jobs import AsyncJobs, Jobs

__all__ = ["AsyncFineTuning", "FineTuning"]


class FineTuning(SyncResource):
    """``client.fine_tuning`` of a ``Client``."""

    @property
    def jobs(self) -> Jobs:
        """Fine-tuning jobs: ``client.fine_tuning.jobs.create(...)``."""
        return self._sub(Jobs)

    @property
    def checkpoints(self) -> Checkpoints:
        """Sharing fine-tuned checkpoints: ``client.fine_tuning.checkpoints.permissions``."""
        return self._sub(Checkpoints)

    @property
    def alpha(self) -> Alpha:
        """Graders: ``client.fine_tuning.alpha.graders.run(...)``."""
        return self._sub(Alpha)


class AsyncFineTuning(AsyncResource):
    """``client.fine_tuning`` of an ``AsyncClient``."""

    @property
    def jobs(self) -> AsyncJobs:
        """Fine-tuning jobs: ``await client.fine_tuning.jobs.create(...)``."""
        return self._sub(AsyncJobs)

    @property
    def checkpoints(self) -> AsyncCheckpoints:
        """Sharing fine-tuned checkpoints: ``client.fine_tuning.checkpoints.permissions``."""
        return self._sub(AsyncCheckpoints)

    @property
    def alpha(self) -> AsyncAlpha:
        """Graders: ``await client.fine_tuning.alpha.graders.run(...)``."""
        return self._sub(AsyncAlpha)
