"""The resources a client mounts lazily: each module is imported when a program first touches
it (``client.images``), not by ``import gptkit``; ``Client`` / ``AsyncClient`` inherit these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gptkit._core._lazy import LazyResource

if TYPE_CHECKING:
    from gptkit.resources.audio import AsyncAudio, Audio
    from gptkit.resources.beta import AsyncBeta, Beta
    from gptkit.resources.conversations import AsyncConversations, Conversations
    from gptkit.resources.fine_tuning import AsyncFineTuning, FineTuning
    from gptkit.resources.images import AsyncImages, Images
    from gptkit.resources.moderations import AsyncModerations, Moderations
    from gptkit.resources.uploads import AsyncUploads, Uploads
    from gptkit.resources.vector_stores import AsyncVectorStores, VectorStores

__all__ = ["AsyncResources", "SyncResources"]

_R = "gptkit.resources."


class SyncResources:
    """``client.moderations``, ``images``, ``audio``, ``fine_tuning``... of a ``Client``."""

    moderations: LazyResource[Moderations] = LazyResource(_R + "moderations:Moderations")
    images: LazyResource[Images] = LazyResource(_R + "images:Images")
    audio: LazyResource[Audio] = LazyResource(_R + "audio:Audio")
    fine_tuning: LazyResource[FineTuning] = LazyResource(_R + "fine_tuning:FineTuning")
    vector_stores: LazyResource[VectorStores] = LazyResource(_R + "vector_stores:VectorStores")
    uploads: LazyResource[Uploads] = LazyResource(_R + "uploads:Uploads")
    conversations: LazyResource[Conversations] = LazyResource(_R + "conversations:Conversations")
    beta: LazyResource[Beta] = LazyResource(_R + "beta:Beta")


class AsyncResources:
    """``client.moderations``, ``images``, ``audio``, ``fine_tuning``... of an ``AsyncClient``."""

    moderations: LazyResource[AsyncModerations] = LazyResource(_R + "moderations:AsyncModerations")
    images: LazyResource[AsyncImages] = LazyResource(_R + "images:AsyncImages")
    audio: LazyResource[AsyncAudio] = LazyResource(_R + "audio:AsyncAudio")
    fine_tuning: LazyResource[AsyncFineTuning] = LazyResource(_R + "fine_tuning:AsyncFineTuning")
    vector_stores: LazyResource[AsyncVectorStores] = LazyResource(_R + "vector_stores:AsyncVectorStores")
    uploads: LazyResource[AsyncUploads] = LazyResource(_R + "uploads:AsyncUploads")
    conversations: LazyResource[AsyncConversations] = LazyResource(_R + "conversations:AsyncConversations")
    beta: LazyResource[AsyncBeta] = LazyResource(_R + "beta:AsyncBeta")
