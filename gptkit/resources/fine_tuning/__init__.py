"""``client.fine_tuning``: the namespace of ``jobs``, ``checkpoints`` (permissions) and ``alpha``
(graders)."""

from __future__ import annotations

from typing import Final

from gptkit.resources._resource import AsyncResource, Sub, SyncResource, _Resource
from gptkit.resources.fine_tuning.alpha import Alpha, AsyncAlpha
from gptkit.resources.fine_tuning.checkpoints import AsyncCheckpoints, Checkpoints
from gptkit.resources.fine_tuning.jobs import AsyncJobs, Jobs

__all__ = ["AsyncFineTuning", "FineTuning"]


class _FineTuningSpace(_Resource):
    jobs: Final = Sub(Jobs, AsyncJobs)
    """Fine-tuning jobs: ``client.fine_tuning.jobs.create(...)`` (awaited on an ``AsyncClient``)."""
    checkpoints: Final = Sub(Checkpoints, AsyncCheckpoints)
    """Sharing fine-tuned checkpoints: ``client.fine_tuning.checkpoints.permissions``."""
    alpha: Final = Sub(Alpha, AsyncAlpha)
    """Graders: ``client.fine_tuning.alpha.graders.run(...)``."""


class FineTuning(_FineTuningSpace, SyncResource):
    """``client.fine_tuning`` of a ``Client``."""


class AsyncFineTuning(_FineTuningSpace, AsyncResource):
    """``client.fine_tuning`` of an ``AsyncClient``."""
