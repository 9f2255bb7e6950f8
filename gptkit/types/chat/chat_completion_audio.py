"""``ChatCompletionAudio``: the audio answer of a model asked for the audio modality."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ChatCompletionAudio"]


class ChatCompletionAudio(APIObject):
    """Base64 audio, its transcript, and the id to send back to continue the conversation."""

    id: str = ""
    data: str = ""
    expires_at: int = 0
    transcript: str = ""
