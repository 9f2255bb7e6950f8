"""More API objects whose printed and serialised forms must equal the official package's
(tests/test_types_printing.py runs them): one per resource gptkit serves besides chat."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["MORE_CASES"]

_CATEGORIES = (
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/instructions",
    "self-harm/intent",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
)
MODERATION = {
    "id": "modr-1",
    "model": "omni-moderation-latest",
    "results": [
        {
            "flagged": True,
            "categories": {name: name == "violence" for name in _CATEGORIES},
            "category_scores": {name: 0.9 if name == "violence" else 0.01 for name in _CATEGORIES},
            "category_applied_input_types": {name: ["text"] for name in _CATEGORIES},
        }
    ],
}
IMAGE = {
    "created": 1,
    "data": [{"b64_json": "AAAA", "revised_prompt": None}],
    "usage": {
        "input_tokens": 10,
        "output_tokens": 20,
        "total_tokens": 30,
        "input_tokens_details": {"image_tokens": 0, "text_tokens": 10},
    },
    "background": "opaque",
    "output_format": "png",
    "quality": "low",
    "size": "1024x1024",
}
TRANSCRIPTION = {
    "text": "hello",
    "usage": {
        "type": "tokens",
        "input_tokens": 5,
        "output_tokens": 2,
        "total_tokens": 7,
        "input_token_details": {"audio_tokens": 5, "text_tokens": 0},
    },
    "logprobs": None,
}
VECTOR_STORE = {
    "id": "vs_1",
    "object": "vector_store",
    "created_at": 1,
    "name": "docs",
    "usage_bytes": 0,
    "file_counts": {"in_progress": 0, "completed": 0, "failed": 0, "cancelled": 0, "total": 0},
    "status": "completed",
    "expires_after": None,
    "expires_at": None,
    "last_active_at": 1,
    "metadata": {},
}
FINE_TUNING_JOB = {
    "id": "ftjob-1",
    "object": "fine_tuning.job",
    "model": "gpt-4o-mini-2024-07-18",
    "created_at": 1,
    "finished_at": None,
    "fine_tuned_model": None,
    "organization_id": "org",
    "result_files": [],
    "status": "queued",
    "validation_file": None,
    "training_file": "file-1",
    "hyperparameters": {"n_epochs": "auto", "batch_size": "auto", "learning_rate_multiplier": "auto"},
    "trained_tokens": None,
    "error": None,
    "seed": 42,
    "estimated_finish": None,
    "integrations": [],
    "metadata": None,
    "method": {
        "type": "supervised",
        "supervised": {
            "hyperparameters": {"n_epochs": "auto", "batch_size": "auto", "learning_rate_multiplier": "auto"}
        },
    },
    "user_provided_suffix": None,
}
UPLOAD = {
    "id": "upload_1",
    "object": "upload",
    "bytes": 10,
    "created_at": 1,
    "expires_at": 2,
    "filename": "a.jsonl",
    "purpose": "batch",
    "status": "pending",
    "file": None,
}
CONVERSATION = {"id": "conv_1", "object": "conversation", "created_at": 1, "metadata": {"topic": "x"}}
CHAT_DELETED = {"id": "chatcmpl-1", "object": "chat.completion.deleted", "deleted": True}

MORE_CASES: dict[str, tuple[Any, Callable[[Any], Any]]] = {
    "moderation": (MODERATION, lambda c: c.moderations.create(input="hi")),
    "image": (IMAGE, lambda c: c.images.generate(model="gpt-image-1", prompt="fox")),
    "transcription": (
        TRANSCRIPTION,
        lambda c: c.audio.transcriptions.create(model="gpt-4o-transcribe", file=("a.wav", b"RIFF")),
    ),
    "vector store": (VECTOR_STORE, lambda c: c.vector_stores.retrieve("vs_1")),
    "fine tune": (FINE_TUNING_JOB, lambda c: c.fine_tuning.jobs.retrieve("ftjob-1")),
    "upload": (
        UPLOAD,
        lambda c: c.uploads.create(bytes=10, filename="a.jsonl", mime_type="text/jsonl", purpose="batch"),
    ),
    "conversation": (CONVERSATION, lambda c: c.conversations.retrieve("conv_1")),
    "chat deleted": (CHAT_DELETED, lambda c: c.chat.completions.delete("chatcmpl-1")),
}
