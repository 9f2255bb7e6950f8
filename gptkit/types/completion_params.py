"""gptkit's earlier module of completion and embedding parameters, kept for existing imports.

The types live at the official paths now: ``gptkit.types.completion_create_params`` and
``gptkit.types.embedding_create_params``. Here ``CompletionCreateParams`` is what
``completions.create`` validates (``TextCompletionCreateParams``), as it was.
"""

from __future__ import annotations

from gptkit.types.completion_create_params import CompletionCreateArgs
from gptkit.types.completion_create_params import TextCompletionCreateParams as CompletionCreateParams
from gptkit.types.embedding_create_params import EmbeddingCreateParams

__all__ = ["CompletionCreateArgs", "CompletionCreateParams", "EmbeddingCreateParams"]
