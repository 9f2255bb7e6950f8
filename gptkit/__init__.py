"""gptkit: a fast, typed client for GPT-4 and every OpenAI-compatible chat API.

Everything a user needs is importable from here; wire types live in ``gptkit.types`` and the
testing kit in ``gptkit.testing``. All other modules are private.
"""

from __future__ import annotations

import logging as _logging
from typing import TYPE_CHECKING, Any, cast

import httpx as _httpx

from gptkit import error as error  # public: the pre-1.0 exception names (openai.error.*)
from gptkit._core._base import APIResponse
from gptkit._core._client import AsyncClient, Client
from gptkit._core._config import DEFAULT_TIMEOUT, NO_API_KEY, NoAPIKey
from gptkit._core._options import DEFAULT_LIMITS as DEFAULT_CONNECTION_LIMITS
from gptkit._core._options import DEFAULT_MAX_RETRIES
from gptkit._core._params import NOT_GIVEN, NotGiven, Omit, omit
from gptkit._cost import (
    Budget,
    Ledger,
    ModelPrice,
    PriceInfo,
    PriceTable,
    UnknownPriceWarning,
    price_of,
)
from gptkit._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BackendError,
    BadRequestError,
    BudgetBackendError,
    BudgetExceededError,
    BudgetStateLostError,
    ConfigurationError,
    ConflictError,
    ContentFilterError,
    ContentFilterFinishReasonError,
    ContextLengthExceededError,
    GptkitError,
    InsufficientQuotaError,
    InternalServerError,
    InvalidParameterError,
    InvalidRequestError,
    LengthFinishReasonError,
    MissingAPIKeyError,
    NotFoundError,
    OAuthError,
    PermissionDeniedError,
    RateLimitBackendError,
    RateLimitError,
    RateLimitExceededError,
    ResponseFailedError,
    StreamInterruptedError,
    StrictSchemaError,
    StructuredOutputError,
    SubjectTokenProviderError,
    ToolRoundsExceededError,
    UnknownPriceError,
    UnprocessableEntityError,
)
from gptkit._legacy import _module as _module_api
from gptkit._observe._stats import ClientStats, StatsSnapshot
from gptkit._retry import RetryEvent, RetryPolicy
from gptkit._version import __version__

if TYPE_CHECKING:
    from gptkit._azure._auth import AzureToken
    from gptkit._azure._client import AsyncAzureClient, AsyncAzureOpenAI, AzureClient, AzureOpenAI
    from gptkit._core._http import (
        DefaultAsyncHttpx2Client,
        DefaultAsyncHttpxClient,
        DefaultHttpx2Client,
        DefaultHttpxClient,
    )
    from gptkit._cost._ledger_models import LedgerSnapshot, LedgerTotals
    from gptkit._cost._redis_budget import RedisBudget

    # The deprecated module-level API of older scripts: importable, deliberately not in __all__.
    from gptkit._legacy._api import ChatCompletion as ChatCompletion
    from gptkit._legacy._api import Completion as Completion
    from gptkit._legacy._api import Embedding as Embedding
    from gptkit._legacy._api import Model as Model
    from gptkit._observe._events import (
        CallEvent,
        FirstChunk,
        Listener,
        RateLimitWait,
        RequestEnd,
        RequestError,
        RequestRetry,
        RequestStart,
        ResponseHeaders,
    )
    from gptkit._ratelimit import RateLimit, RateLimiter, RateLimitPermit, RateLimitStats, RedisBackend
    from gptkit._streams._chat import AsyncChatCompletionStream, ChatCompletionStream
    from gptkit._streams._stream import AsyncStream, Stream
    from gptkit._structured import (
        ResponsesToolRunResult,
        ToolRunResult,
        function_tool,
        pydantic_function_tool,
        pydantic_responses_function_tool,
        strict_json_schema,
    )
    from gptkit.types.cost import Cost
    from gptkit.types.request_options import RequestOptions

#: Public names whose modules cost import time, loaded on first access: pydantic models (``Cost``,
#: the ledger's views), and the machinery of features a program may never use (streams, rate
#: limits, structured outputs, events, Azure, the pre-1.0 classes). ``import gptkit`` stays close
#: to importing its dependencies (benchmarks/README.md; tests/test_import_budget.py pins it).
_LAZY = {
    **dict.fromkeys(("AsyncAzureClient", "AsyncAzureOpenAI", "AzureClient", "AzureOpenAI"),
                    "gptkit._azure._client"),
    "AzureToken": "gptkit._azure._auth",
    "AsyncChatCompletionStream": "gptkit._streams._chat",
    "ChatCompletionStream": "gptkit._streams._chat",
    "LedgerSnapshot": "gptkit._cost._ledger_models",
    "LedgerTotals": "gptkit._cost._ledger_models",
    "RedisBudget": "gptkit._cost._redis_budget",
    **dict.fromkeys(
        ("CallEvent", "FirstChunk", "Listener", "RateLimitWait", "RequestEnd", "RequestError", "RequestRetry",
         "RequestStart", "ResponseHeaders"),
        "gptkit._observe._events",
    ),
    **dict.fromkeys(("ChatCompletion", "Completion", "Embedding", "Model"), "gptkit._legacy._api"),
    **dict.fromkeys(("RateLimit", "RateLimiter", "RateLimitPermit", "RateLimitStats", "RedisBackend"),
                    "gptkit._ratelimit"),
    "AsyncStream": "gptkit._streams._stream",
    "Stream": "gptkit._streams._stream",
    **dict.fromkeys(("ResponsesToolRunResult", "ToolRunResult", "function_tool", "pydantic_function_tool",
                     "pydantic_responses_function_tool", "strict_json_schema"), "gptkit._structured"),
    "Cost": "gptkit.types.cost",
    "DefaultHttpxClient": "gptkit._core._http",
    "DefaultAsyncHttpxClient": "gptkit._core._http",
    "DefaultHttpx2Client": "gptkit._core._http",
    "DefaultAsyncHttpx2Client": "gptkit._core._http",
    "RequestOptions": "gptkit.types.request_options",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name == "types":  # ``openai.types.X`` works after ``import openai`` alone; so here
        return importlib.import_module("gptkit.types")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gptkit' has no attribute {name!r}")

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


if TYPE_CHECKING:
    from collections.abc import Mapping

    import httpx

    from gptkit.resources.audio import Audio
    from gptkit.resources.batches import Batches
    from gptkit.resources.beta import Beta
    from gptkit.resources.chat import Chat
    from gptkit.resources.completions import Completions
    from gptkit.resources.conversations import Conversations
    from gptkit.resources.embeddings import Embeddings
    from gptkit.resources.files import Files
    from gptkit.resources.fine_tuning import FineTuning
    from gptkit.resources.images import Images
    from gptkit.resources.models import Models
    from gptkit.resources.moderations import Moderations
    from gptkit.resources.responses import Responses
    from gptkit.resources.uploads import Uploads
    from gptkit.resources.vector_stores import VectorStores

# A library must not print its log records when the application configured no logging.
_logging.getLogger("gptkit").addHandler(_logging.NullHandler())

#: The official package's names, so ``import gptkit as openai; openai.OpenAI()`` works.
OpenAI = Client
AsyncOpenAI = AsyncClient
OpenAIError = GptkitError
not_given = NOT_GIVEN
#: ``openai.Timeout``: httpx's, which every ``timeout=`` takes.
Timeout = _httpx.Timeout

# Module-level settings of the module-level API (``gptkit.ChatCompletion.create``,
# ``gptkit.chat.completions.create``, ...): plain attributes a script assigns, read at each call by
# the lazily built default client (docs/legacy.md). ``import gptkit`` builds no client.
api_key: str | NoAPIKey | None = None
base_url: str | httpx.URL | None = None
api_base: str | None = None  # the pre-1.0 name of base_url
organization: str | None = None
project: str | None = None
api_type: str | None = None  # "open_ai" (default) or "azure" / "azure_ad"
api_version: str | None = None  # Azure API version
timeout: float | httpx.Timeout | None = None
max_retries: int | None = None
default_headers: Mapping[str, str] | None = None
default_query: Mapping[str, object] | None = None
#: An ``httpx.Client`` (sync calls) or ``httpx.AsyncClient`` (``acreate``) the default client uses.
http_client: httpx.Client | httpx.AsyncClient | None = None
#: An httpx transport for every module-level call, sync and async (e.g. a mock or a cassette).
transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None

#: The 1.x module-level style: attributes of the default client, resolved at each use.
chat: Chat = cast("Chat", _module_api.chat)
completions: Completions = cast("Completions", _module_api.completions)
embeddings: Embeddings = cast("Embeddings", _module_api.embeddings)
models: Models = cast("Models", _module_api.models)
audio: Audio = cast("Audio", _module_api.audio)
batches: Batches = cast("Batches", _module_api.batches)
beta: Beta = cast("Beta", _module_api.beta)
conversations: Conversations = cast("Conversations", _module_api.conversations)
files: Files = cast("Files", _module_api.files)
fine_tuning: FineTuning = cast("FineTuning", _module_api.fine_tuning)
images: Images = cast("Images", _module_api.images)
moderations: Moderations = cast("Moderations", _module_api.moderations)
responses: Responses = cast("Responses", _module_api.responses)
uploads: Uploads = cast("Uploads", _module_api.uploads)
vector_stores: VectorStores = cast("VectorStores", _module_api.vector_stores)

__all__ = [
    "DEFAULT_CONNECTION_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "NO_API_KEY",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAzureClient",
    "AsyncAzureOpenAI",
    "AsyncChatCompletionStream",
    "AsyncClient",
    "AsyncOpenAI",
    "AsyncStream",
    "AuthenticationError",
    "AzureClient",
    "AzureOpenAI",
    "AzureToken",
    "BackendError",
    "BadRequestError",
    "Budget",
    "BudgetBackendError",
    "BudgetExceededError",
    "BudgetStateLostError",
    "CallEvent",
    "ChatCompletionStream",
    "Client",
    "ClientStats",
    "ConfigurationError",
    "ConflictError",
    "ContentFilterError",
    "ContentFilterFinishReasonError",
    "ContextLengthExceededError",
    "Cost",
    "DefaultAsyncHttpx2Client",
    "DefaultAsyncHttpxClient",
    "DefaultHttpx2Client",
    "DefaultHttpxClient",
    "FirstChunk",
    "GptkitError",
    "InsufficientQuotaError",
    "InternalServerError",
    "InvalidParameterError",
    "InvalidRequestError",
    "Ledger",
    "LedgerSnapshot",
    "LedgerTotals",
    "LengthFinishReasonError",
    "Listener",
    "MissingAPIKeyError",
    "ModelPrice",
    "NoAPIKey",
    "NotFoundError",
    "NotGiven",
    "OAuthError",
    "Omit",
    "OpenAI",
    "OpenAIError",
    "PermissionDeniedError",
    "PriceInfo",
    "PriceTable",
    "RateLimit",
    "RateLimitBackendError",
    "RateLimitError",
    "RateLimitExceededError",
    "RateLimitPermit",
    "RateLimitStats",
    "RateLimitWait",
    "RateLimiter",
    "RedisBackend",
    "RedisBudget",
    "RequestEnd",
    "RequestError",
    "RequestOptions",
    "RequestRetry",
    "RequestStart",
    "ResponseFailedError",
    "ResponseHeaders",
    "ResponsesToolRunResult",
    "RetryEvent",
    "RetryPolicy",
    "StatsSnapshot",
    "Stream",
    "StreamInterruptedError",
    "StrictSchemaError",
    "StructuredOutputError",
    "SubjectTokenProviderError",
    "Timeout",
    "ToolRoundsExceededError",
    "ToolRunResult",
    "UnknownPriceError",
    "UnknownPriceWarning",
    "UnprocessableEntityError",
    "function_tool",
    "not_given",
    "omit",
    "price_of",
    "pydantic_function_tool",
    "pydantic_responses_function_tool",
    "strict_json_schema",
    "__version__",
]
