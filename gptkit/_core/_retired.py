"""Models the provider has retired, with a current replacement to name in the error (sans-IO).

Tutorials written for older models (``text-davinci-003``, ``gpt-3.5-turbo-0301``, ...) still get
the server's own error: gptkit never swaps the model silently. It only appends a hint naming a
model that does the same job today, so a pasted tutorial fails with a message that says what to
change.
"""

from __future__ import annotations

import json
from typing import Final
from urllib.parse import unquote

__all__ = ["RETIRED_MODELS", "model_of_request", "retired_hint"]

_INSTRUCT: Final = "gpt-3.5-turbo-instruct (text completions) or gpt-4o-mini (chat completions)"
_EMBED: Final = "text-embedding-3-small"
_EDIT: Final = "gpt-4o-mini (chat completions)"

#: Retired model -> what to use instead. Prefix entries (ending in ``*``) cover dated variants.
RETIRED_MODELS: Final[dict[str, str]] = {
    "text-davinci-003": _INSTRUCT,
    "text-davinci-002": _INSTRUCT,
    "text-davinci-001": _INSTRUCT,
    "text-curie-001": _INSTRUCT,
    "text-babbage-001": _INSTRUCT,
    "text-ada-001": _INSTRUCT,
    "code-davinci-002": "gpt-4o-mini (chat completions) or gpt-3.5-turbo-instruct (text completions)",
    "code-davinci-001": "gpt-4o-mini (chat completions) or gpt-3.5-turbo-instruct (text completions)",
    "code-cushman-001": "gpt-4o-mini (chat completions) or gpt-3.5-turbo-instruct (text completions)",
    "davinci": "davinci-002 (base model) or gpt-3.5-turbo-instruct",
    "curie": "babbage-002 (base model) or gpt-3.5-turbo-instruct",
    "babbage": "babbage-002 (base model) or gpt-3.5-turbo-instruct",
    "ada": "babbage-002 (base model) or gpt-3.5-turbo-instruct",
    "text-davinci-edit-001": _EDIT,
    "code-davinci-edit-001": _EDIT,
    "gpt-3.5-turbo-0301": "gpt-4o-mini",
    "gpt-3.5-turbo-0613": "gpt-4o-mini",
    "gpt-3.5-turbo-16k-0613": "gpt-4o-mini",
    "gpt-4-0314": "gpt-4o",
    "gpt-4-32k": "gpt-4o",
    "gpt-4-32k-0314": "gpt-4o",
    "gpt-4-32k-0613": "gpt-4o",
    "gpt-4-vision-preview": "gpt-4o",
    "gpt-4-1106-vision-preview": "gpt-4o",
    "text-similarity-*": _EMBED,
    "text-search-*": _EMBED,
    "code-search-*": _EMBED,
}

_PREFIXES: Final = tuple((k[:-1], v) for k, v in RETIRED_MODELS.items() if k.endswith("*"))


def retired_hint(model: str | None) -> str | None:
    """The hint to append to the server's error for a retired ``model``, or None."""
    if not model:
        return None
    replacement = RETIRED_MODELS.get(model)
    if replacement is None:
        replacement = next((v for prefix, v in _PREFIXES if model.startswith(prefix)), None)
    if replacement is None:
        return None
    return f"Hint: the provider has retired the model '{model}'; use {replacement} instead."


def model_of_request(path: str, content: bytes) -> str | None:
    """The model a request named: ``model`` in its JSON body, or the id in ``/models/{id}``."""
    if content:
        try:
            body = json.loads(content)
        except ValueError:
            body = None
        if isinstance(body, dict):
            model = body.get("model")
            return model if isinstance(model, str) else None
    _head, sep, tail = path.rstrip("/").rpartition("/models/")
    if sep and tail and "/" not in tail:
        return unquote(tail)
    return None
