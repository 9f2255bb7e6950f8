"""The resources a client mounts lazily: each module is imported when a program first touches
it (``client.images``), not by ``import gptkit``; ``Client`` / ``AsyncClient`` inherit these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gptkit._core._lazy import LazyResource

if TYPE_CHECKING:
    from gptkit.resources.audio import AsyncAudio, Audio
    from gptkit.resources.beta import AsyncBeta, Beta
    from gptkit.resources.fine_tuning import AsyncFineTuning, FineTuning
    from gptkit.resources.images import AsyncImages, Images
    from gptkit.resources.moderations import AsyncModerations, Moderations

__all__ = ["AsyncResources", "SyncResources"]

_R = "gptkit.resources."


class SyncResources:
    """``client.moderations``, ``images``, ``audio``, ``fine_tuning``... of a ``Client``."""

    moderations: LazyResource[Moderations] = LazyResource(_R + "moderations:Moderations")
    images: LazyResource[Images] = LazyResource(_R + "images:Images")
    audio: LazyResource[Audio] = LazyResource(_R + "audio:Audio")
    fine_tuning: LazyResource[FineTuning] = LazyResource(_R + "fine_tuning:FineTuning")
    beta: LazyResource[Beta] = LazyResource(_R + "beta:Beta")


class AsyncResources:
    """``client.moderations``, ``images``, ``audio``, ``fine_tuning``... of an ``AsyncClient``."""

    moderations: LazyResource[AsyncModerations] = LazyResource(_R + "moderations:AsyncModerations")
    images: LazyResource[AsyncImages] = LazyResource(_R + "images:AsyncImages")
    audio: LazyResource[AsyncAudio] = LazyResource(_R + "audio:AsyncAudio")
    fine_tuning: LazyResource[AsyncFineTuning] = LazyResource(_R + "fine_tuning:AsyncFineTuning")
    beta: LazyResource[AsyncBeta] = LazyResource(_R + "beta:AsyncBeta")
