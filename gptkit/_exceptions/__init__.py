"""The exception hierarchy (``_api``: calls to the API; ``_local``: limits, budgets, prices;
``_structured``: structured outputs and tools).

The names and the shape follow the official ``openai`` package, so an ``except`` clause written for
it keeps working after changing the import. gptkit adds a few classes of its own (quota, budget,
invalid parameters, interrupted streams) as subclasses of the closest official one.

Every error built from an HTTP response carries what the server said (``status_code``,
``request_id``, ``code``, ``type``, ``param``, ``body`` and ``message``) and never the API key:
messages are built from the response body, never from request headers.
"""

from __future__ import annotations

from gptkit._exceptions._api import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    ContentFilterError,
    ContextLengthExceededError,
    GptkitError,
    InsufficientQuotaError,
    InternalServerError,
    InvalidParameterError,
    InvalidRequestError,
    MissingAPIKeyError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseFailedError,
    StreamInterruptedError,
    UnprocessableEntityError,
)
from gptkit._exceptions._auth import OAuthError, SubjectTokenProviderError
from gptkit._exceptions._local import (
    BackendError,
    BudgetBackendError,
    BudgetExceededError,
    BudgetStateLostError,
    RateLimitBackendError,
    RateLimitExceededError,
    UnknownPriceError,
)
from gptkit._exceptions._structured import (
    ContentFilterFinishReasonError,
    LengthFinishReasonError,
    StrictSchemaError,
    StructuredOutputError,
    ToolRoundsExceededError,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BackendError",
    "BadRequestError",
    "BudgetBackendError",
    "BudgetExceededError",
    "BudgetStateLostError",
    "ConfigurationError",
    "ConflictError",
    "ContentFilterError",
    "ContentFilterFinishReasonError",
    "ContextLengthExceededError",
    "GptkitError",
    "InsufficientQuotaError",
    "InternalServerError",
    "InvalidParameterError",
    "InvalidRequestError",
    "LengthFinishReasonError",
    "MissingAPIKeyError",
    "NotFoundError",
    "OAuthError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimitBackendError",
    "RateLimitExceededError",
    "ResponseFailedError",
    "StreamInterruptedError",
    "StrictSchemaError",
    "SubjectTokenProviderError",
    "StructuredOutputError",
    "ToolRoundsExceededError",
    "UnknownPriceError",
    "UnprocessableEntityError",
]

# A traceback names an exception by its class's ``__module__``: show the path users import it
# from (``gptkit.RateLimitError``), not this private module (``gptkit._exceptions....``).
for _name in __all__:
    globals()[_name].__module__ = "gptkit"
del _name
