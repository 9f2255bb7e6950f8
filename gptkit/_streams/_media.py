"""Streams of images and transcripts: what each stream amounts to.

A streamed image generation or edit amounts to the ``ImagesResponse`` its completed events make
(with their usage, so the call is priced as if it had not streamed); a streamed transcription
to the ``Transcription`` its ``transcript.text.done`` event makes. Sans-IO accumulators:
events in, the final object out. These streams end after their last event (no ``[DONE]``):
``complete`` tells the stream core that the last event came.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ImagesAccumulator", "TranscriptionAccumulator"]


class ImagesAccumulator:
    """Image stream events in; the ``ImagesResponse`` of the completed images out."""

    def __init__(self) -> None:
        self._completed: list[Any] = []

    @property
    def complete(self) -> bool:
        return bool(self._completed)

    def add(self, event: Any) -> None:
        if str(getattr(event, "type", "")).endswith(".completed"):
            self._completed.append(event)

    def final(self) -> Any:
        from gptkit.types.image import Image
        from gptkit.types.images_response import ImagesResponse, Usage

        events = self._completed
        last = events[-1] if events else None
        usages = [e.usage for e in events if getattr(e, "usage", None) is not None]
        usage = None
        if usages:
            usage = Usage(input_tokens=sum(u.input_tokens for u in usages),
                          output_tokens=sum(u.output_tokens for u in usages),
                          total_tokens=sum(u.total_tokens for u in usages),
                          input_tokens_details=usages[-1].input_tokens_details)
        return ImagesResponse(
            created=getattr(last, "created_at", None), data=[Image(b64_json=e.b64_json) for e in events],
            background=getattr(last, "background", None), output_format=getattr(last, "output_format", None),
            quality=getattr(last, "quality", None), size=getattr(last, "size", None), usage=usage,
        )


class TranscriptionAccumulator:
    """Transcript events in; the ``Transcription`` of the ``transcript.text.done`` event out
    (the deltas joined, should a stream end without one)."""

    def __init__(self) -> None:
        self._deltas: list[str] = []
        self._done: Any = None

    @property
    def complete(self) -> bool:
        return self._done is not None

    def add(self, event: Any) -> None:
        kind = getattr(event, "type", None)
        if kind == "transcript.text.delta":
            self._deltas.append(event.delta or "")
        elif kind == "transcript.text.done":
            self._done = event

    def final(self) -> Any:
        from gptkit.types.audio.transcription import Transcription

        done = self._done
        if done is None:
            return Transcription(text="".join(self._deltas))
        return Transcription(text=done.text, logprobs=done.logprobs, usage=done.usage,
                             languages=getattr(done, "languages", None))

