"""The resources a client mounts lazily: each module is imported when a program first touches
it (``client.chat``, ``client.images``), not by ``import gptkit``, and each resource is built once
per client; ``Client`` / ``AsyncClient`` inherit these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gptkit._core._lazy import AsyncMounts, LazyResource

if TYPE_CHECKING:
    from gptkit.resources.audio import AsyncAudio, Audio
    from gptkit.resources.batches import AsyncBatches, Batches
    from gptkit.resources.beta import AsyncBeta, Beta
    from gptkit.resources.chat import AsyncChat, Chat
    from gptkit.resources.completions import AsyncCompletions, Completions
    from gptkit.resources.conversations import AsyncConversations, Conversations
    from gptkit.resources.embeddings import AsyncEmbeddings, Embeddings
    from gptkit.resources.files import AsyncFiles, Files
    from gptkit.resources.fine_tuning import AsyncFineTuning, FineTuning
    from gptkit.resources.images import AsyncImages, Images
    from gptkit.resources.models import AsyncModels, Models
    from gptkit.resources.moderations import AsyncModerations, Moderations
    from gptkit.resources.responses import AsyncResponses, Responses
    from gptkit.resources.uploads import AsyncUploads, Uploads
    from gptkit.resources.vector_stores import AsyncVectorStores, VectorStores

__all__ = ["AsyncResources", "Resources", "SyncResources"]

_R = "gptkit.resources."


class _Views:
    @property
    def with_raw_response(self) -> Any:
        """Every resource returning ``APIResponse`` objects: ``client.with_raw_response.files.list()``
        is ``client.files.with_raw_response.list()``."""
        from gptkit.resources._raw import ClientResponses

        return ClientResponses(self, "with_raw_response")

    @property
    def with_streaming_response(self) -> Any:
        """Every resource's ``with_streaming_response``: ``with client.with_streaming_response.chat.
        completions.create(...) as response:``."""
        from gptkit.resources._raw import ClientResponses

        return ClientResponses(self, "with_streaming_response")


class Resources(_Views):
    """``client.chat``, ``completions``, ``images``, ``audio``...: a ``Client``'s, and through
    ``AsyncMounts`` their ``Async`` twins on an ``AsyncClient``."""

    chat: LazyResource[Chat, AsyncChat] = LazyResource(_R + "chat:Chat")
    completions: LazyResource[Completions, AsyncCompletions] = LazyResource(_R + "completions:Completions")
    embeddings: LazyResource[Embeddings, AsyncEmbeddings] = LazyResource(_R + "embeddings:Embeddings")
    models: LazyResource[Models, AsyncModels] = LazyResource(_R + "models:Models")
    files: LazyResource[Files, AsyncFiles] = LazyResource(_R + "files:Files")
    batches: LazyResource[Batches, AsyncBatches] = LazyResource(_R + "batches:Batches")
    responses: LazyResource[Responses, AsyncResponses] = LazyResource(_R + "responses:Responses")

    moderations: LazyResource[Moderations, AsyncModerations] = LazyResource(_R + "moderations:Moderations")
    images: LazyResource[Images, AsyncImages] = LazyResource(_R + "images:Images")
    audio: LazyResource[Audio, AsyncAudio] = LazyResource(_R + "audio:Audio")
    fine_tuning: LazyResource[FineTuning, AsyncFineTuning] = LazyResource(_R + "fine_tuning:FineTuning")
    vector_stores: LazyResource[VectorStores, AsyncVectorStores] = LazyResource(
        _R + "vector_stores:VectorStores")
    uploads: LazyResource[Uploads, AsyncUploads] = LazyResource(_R + "uploads:Uploads")
    conversations: LazyResource[Conversations, AsyncConversations] = LazyResource(
        _R + "conversations:Conversations")
    beta: LazyResource[Beta, AsyncBeta] = LazyResource(_R + "beta:Beta")


class SyncResources(Resources):
    """The resources of a ``Client``."""


class AsyncResources(Resources, AsyncMounts):
    """The resources of an ``AsyncClient``: the ``Async`` classes."""
