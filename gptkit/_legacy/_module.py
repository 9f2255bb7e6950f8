"""``gptkit.chat``, ``gptkit.responses``, ``gptkit.files``, ...: the default client's resources.

The module-level style of the 1.x ``openai`` package (``openai.chat.completions.create(...)``):
each name stands for the same attribute of the default client, looked up at every use so that a
change of ``gptkit.api_key`` (or any other setting) takes effect on the next call.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ClientAttribute", "audio", "batches", "beta", "chat", "completions", "conversations", "embeddings",
    "files", "fine_tuning", "images", "models", "moderations", "responses", "uploads", "vector_stores",
]


class ClientAttribute:
    """Stands for ``<default client>.<name>``; attribute access resolves it at call time."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def _resolve(self) -> Any:
        from gptkit._legacy._default import default_client

        # No DeprecationWarning here: the official package supports this style (only the pre-1.0
        # names, which it refuses, warn), so a script using it prints the same under both.
        return getattr(default_client(), self._name)

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(self._resolve(), attr)

    def __dir__(self) -> list[str]:
        from gptkit._legacy._default import default_client

        try:
            target = getattr(default_client(), self._name)
        except Exception:  # no key yet: completion in a REPL must not raise
            return sorted(object.__dir__(self))
        return sorted(name for name in dir(target) if not name.startswith("_"))

    def __repr__(self) -> str:
        return f"<gptkit.{self._name}: the default client's {self._name!r} (gptkit.Client().{self._name})>"


chat = ClientAttribute("chat")
completions = ClientAttribute("completions")
embeddings = ClientAttribute("embeddings")
models = ClientAttribute("models")
audio = ClientAttribute("audio")
batches = ClientAttribute("batches")
beta = ClientAttribute("beta")
conversations = ClientAttribute("conversations")
files = ClientAttribute("files")
fine_tuning = ClientAttribute("fine_tuning")
images = ClientAttribute("images")
moderations = ClientAttribute("moderations")
responses = ClientAttribute("responses")
uploads = ClientAttribute("uploads")
vector_stores = ClientAttribute("vector_stores")
