"""gptkit: a fast, typed client for GPT-4 and every OpenAI-compatible chat API.

Everything a user needs is importable from here; wire types live in ``gptkit.types`` and the
testing kit in ``gptkit.testing``. All other modules are private.
"""

from gptkit._base import APIResponse
from gptkit._client import AsyncClient, Client
from gptkit._config import NO_API_KEY, NoAPIKey
from gptkit._cost import (
    Budget,
    Ledger,
    LedgerSnapshot,
    LedgerTotals,
    ModelPrice,
    PriceTable,
    RedisBudget,
    UnknownPriceWarning,
)
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
    UnknownPriceError,
    UnprocessableEntityError,
)
from gptkit._params import NOT_GIVEN, NotGiven
from gptkit._retry import RetryEvent, RetryPolicy
from gptkit._streaming import AsyncStream, Stream
from gptkit._version import __version__
from gptkit.types.cost import Cost

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
    "Budget",
    "BudgetExceededError",
    "Client",
    "ConflictError",
    "ContextLengthExceededError",
    "Cost",
    "GptkitError",
    "InsufficientQuotaError",
    "InternalServerError",
    "InvalidParameterError",
    "Ledger",
    "LedgerSnapshot",
    "LedgerTotals",
    "MissingAPIKeyError",
    "ModelPrice",
    "NoAPIKey",
    "NotFoundError",
    "NotGiven",
    "OpenAI",
    "PermissionDeniedError",
    "PriceTable",
    "RateLimitError",
    "RateLimitExceededError",
    "RedisBudget",
    "RetryEvent",
    "RetryPolicy",
    "Stream",
    "StreamInterruptedError",
    "UnknownPriceError",
    "UnknownPriceWarning",
    "UnprocessableEntityError",
    "__version__",
]
