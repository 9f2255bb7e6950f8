"""The fake's newer endpoints in one place: moderations, images, audio, fine-tuning, vector
stores, uploads, conversations and stored chat completions. ``FakeCore`` routes to
``FakeExtras.routes()`` next to its files and batches; each family keeps its state in its own
module."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gptkit.testing._fake_audio import FakeAudio
from gptkit.testing._fake_conversations import FakeConversations
from gptkit.testing._fake_finetune import FakeFineTuning
from gptkit.testing._fake_graders import FakeGraders
from gptkit.testing._fake_images import FakeImages
from gptkit.testing._fake_moderations import FakeModerations
from gptkit.testing._fake_stored_chat import FakeStoredChat
from gptkit.testing._fake_uploads import FakeUploads
from gptkit.testing._fake_vector_stores import FakeVectorStores

if TYPE_CHECKING:
    from gptkit.testing._fake_files import FakeFileStore, Handler

__all__ = ["FakeExtras"]


class FakeExtras:
    """The state and routes of the fake's newer endpoints."""

    def __init__(self, files: FakeFileStore, now: Callable[[], float]) -> None:
        self.moderations: FakeModerations = FakeModerations()
        self.images: FakeImages = FakeImages()
        self.audio: FakeAudio = FakeAudio()
        self.fine_tuning: FakeFineTuning = FakeFineTuning(files, now)
        self.graders: FakeGraders = FakeGraders()
        self.vector_stores: FakeVectorStores = FakeVectorStores(files)
        self.uploads: FakeUploads = FakeUploads(files)
        self.conversations: FakeConversations = FakeConversations()
        self.stored_chat: FakeStoredChat = FakeStoredChat()

    def routes(self) -> list[tuple[str, str, Handler]]:
        return [*self.moderations.routes(), *self.images.routes(), *self.audio.routes(),
                *self.fine_tuning.routes(), *self.graders.routes(), *self.vector_stores.routes(),
                *self.uploads.routes(), *self.conversations.routes(), *self.stored_chat.routes()]
