"""The module-level API of older ``openai`` scripts: settings, default client, legacy classes.

Everything here is private; ``gptkit/__init__.py`` re-exports the names old scripts use.
"""

from gptkit._legacy._api import ChatCompletion, Completion, Embedding, Model
from gptkit._legacy._module import chat, completions, embeddings, models

__all__ = [
    "ChatCompletion", "Completion", "Embedding", "Model", "chat", "completions", "embeddings", "models",
]
