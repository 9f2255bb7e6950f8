"""gptkit: a fast, typed client for GPT-4 and every OpenAI-compatible chat API.

Everything a user needs is importable from here; wire types live in ``gptkit.types`` and the
testing kit in ``gptkit.testing``. All other modules are private.
"""

from typing import TYPE_CHECKING, Any

from gptkit._base import APIResponse
from gptkit._client import AsyncClient, Client
from gptkit._config import NO_API_KEY, NoAPIKey
from gptkit._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BudgetExceededError,
    ConflictError,
    ContextLengthExceededError,
    GptkitError,
    InsufficientQuotaError,
    InternalServerError,
    InvalidParameterError,
    MissingAPIKeyError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RateLimitExceededError,
    StreamInterruptedError,
    UnprocessableEntityError,
)
from gptkit._params import NOT_GIVEN, NotGiven
from gptkit._retry import RetryEvent, RetryPolicy
from gptkit._streaming import AsyncStream, Stream
from gptkit._version import __version__

if TYPE_CHECKING:
    from gptkit.types.cost import Cost

#: Public names whose modules cost import time (pydantic models), loaded on first access:
#: ``import gptkit`` stays close to importing httpx alone (see benchmarks/README.md).
_LAZY = {"Cost": "gptkit.types.cost"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gptkit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

#: The official package's names, so ``import gptkit as openai; openai.OpenAI()`` works.
OpenAI = Client
AsyncOpenAI = AsyncClient

__all__ = [
    "NOT_GIVEN",
    "NO_API_KEY",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncOpenAI",
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "BudgetExceededError",
    "Client",
    "ConflictError",
    "ContextLengthExceededError",
    "Cost",
    "GptkitError",
    "InsufficientQuotaError",
    "InternalServerError",
    "InvalidParameterError",
    "MissingAPIKeyError",
    "NoAPIKey",
    "NotFoundError",
    "NotGiven",
    "OpenAI",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimitExceededError",
    "RetryEvent",
    "RetryPolicy",
    "Stream",
    "StreamInterruptedError",
    "UnprocessableEntityError",
    "__version__",
]
