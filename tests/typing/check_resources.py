"""The typing contract of the resources beyond chat: checked by mypy, never executed."""

from __future__ import annotations

from typing import Any

from typing_extensions import assert_type

import gptkit
from gptkit.pagination import (
    AsyncCursorPage,
    AsyncPage,
    AsyncPaginator,
    SyncConversationCursorPage,
    SyncCursorPage,
    SyncPage,
)
from gptkit.types import (
    Batch,
    BinaryContent,
    CreateEmbeddingResponse,
    FileDeleted,
    FileObject,
    ImageGenStreamEvent,
    ImagesResponse,
    Model,
    ModelDeleted,
    ModerationCreateResponse,
    Upload,
    VectorStore,
)
from gptkit.types.audio import (
    Transcription,
    TranscriptionStreamEvent,
    TranscriptionVerbose,
    Translation,
)
from gptkit.types.conversations import Conversation, ConversationItem
from gptkit.types.fine_tuning import FineTuningJob
from gptkit.types.responses import InputTokenCountResponse, Response, ResponseItem
from gptkit.types.vector_stores import VectorStoreFile


def sync_calls(client: gptkit.Client) -> None:
    assert_type(client.moderations.create(input="x"), ModerationCreateResponse)
    assert_type(client.images.generate(prompt="p"), ImagesResponse)
    assert_type(client.images.generate(prompt="p", stream=True), gptkit.Stream[ImageGenStreamEvent])
    assert_type(client.images.edit(image=b"png", prompt="p"), ImagesResponse)
    speech = client.audio.speech.create(model="tts-1", voice="alloy", input="hi")
    assert_type(speech.content, bytes)
    assert_type(client.audio.transcriptions.create(file=b"a", model="whisper-1"), Transcription)
    assert_type(client.audio.transcriptions.create(file=b"a", model="whisper-1", response_format="text"), str)
    assert_type(client.audio.transcriptions.create(file=b"a", model="whisper-1", response_format="verbose_json"),
                TranscriptionVerbose)
    assert_type(client.audio.transcriptions.create(file=b"a", model="m", stream=True),
                gptkit.Stream[TranscriptionStreamEvent])
    assert_type(client.audio.translations.create(file=b"a", model="whisper-1"), Translation)
    assert_type(client.fine_tuning.jobs.list(), SyncCursorPage[FineTuningJob])
    assert_type(client.fine_tuning.jobs.retrieve("ftjob-1"), FineTuningJob)
    assert_type(client.vector_stores.create(name="n"), VectorStore)
    assert_type(client.vector_stores.files.list("vs_1"), SyncCursorPage[VectorStoreFile])
    assert_type(client.vector_stores.search("vs_1", query="q").data[0].score, float | None)
    assert_type(client.uploads.create(bytes=1, filename="f", mime_type="t", purpose="batch"), Upload)
    assert_type(client.conversations.create(), Conversation)
    assert_type(client.conversations.items.list("conv_1"), SyncConversationCursorPage[ConversationItem])
    assert_type(client.get("/models", cast_to=dict[str, Any]), dict[str, Any])
    assert_type(client.models.list(), SyncPage[Model])


async def async_calls(client: gptkit.AsyncClient) -> None:
    assert_type(await client.images.generate(prompt="p"), ImagesResponse)
    assert_type(await client.audio.transcriptions.create(file=b"a", model="whisper-1", response_format="srt"), str)
    jobs = client.fine_tuning.jobs.list()
    assert_type(jobs, AsyncPaginator[FineTuningJob, AsyncCursorPage[FineTuningJob]])
    assert_type(await jobs, AsyncCursorPage[FineTuningJob])
    assert_type(await client.post("/x", cast_to=VectorStore, body={}), VectorStore)
    # methods derived from the sync resource's (gptkit.resources._twin): the same parameters
    assert_type(await client.vector_stores.files.create("vs_1", file_id="f", timeout=5), VectorStoreFile)
    assert_type(client.vector_stores.files.list("vs_1", limit=2),
                AsyncPaginator[VectorStoreFile, AsyncCursorPage[VectorStoreFile]])
    assert_type(await client.vector_stores.files.upload_and_poll(vector_store_id="vs_1", file=b"x"),
                VectorStoreFile)
    assert_type(await client.vector_stores.create(name="n"), VectorStore)
    # the released resources' twins: parameters checked, keyword options kept, pages of the async kind
    assert_type(await client.files.retrieve("file-1", timeout=5), FileObject)
    assert_type(await client.files.content("file-1"), BinaryContent)
    assert_type(await client.files.delete("file-1"), FileDeleted)
    assert_type(client.files.list(purpose="batch", limit=2), AsyncPaginator[FileObject, AsyncCursorPage[FileObject]])
    assert_type(await client.files.list(), AsyncCursorPage[FileObject])
    assert_type(await client.batches.create(input_file_id="f", endpoint="/v1/chat/completions"), Batch)
    assert_type(await client.batches.cancel("batch_1"), Batch)
    assert_type(client.batches.list(limit=1), AsyncPaginator[Batch, AsyncCursorPage[Batch]])
    assert_type(client.models.list(), AsyncPaginator[Model, AsyncPage[Model]])
    assert_type(await client.models.retrieve("gpt-4o"), Model)
    assert_type(await client.models.delete("ft:x"), ModelDeleted)
    assert_type(await client.moderations.create(input="x", model="m"), ModerationCreateResponse)
    assert_type(await client.embeddings.create(input="x", model="m"), CreateEmbeddingResponse)
    assert_type(await client.responses.cancel("resp_1"), Response)
    assert_type(await client.responses.delete("resp_1"), None)
    assert_type(client.responses.input_items.list("resp_1", order="asc"),
                AsyncPaginator[ResponseItem, AsyncCursorPage[ResponseItem]])
    assert_type(await client.responses.input_tokens.count(model="m", input="x"), InputTokenCountResponse)
    # a twin checks its parameters as the written-out method did
    await client.files.retrieve(file_id=1)  # type: ignore[arg-type]
    await client.batches.create(endpoint="/v1/embeddings")  # type: ignore[call-arg]
    await client.embeddings.create(input="x", model="m", dimension=3)  # type: ignore[call-arg]
    client.responses.input_items.list("resp_1", order="up")  # type: ignore[arg-type]
