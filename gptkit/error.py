"""The exception names of the pre-1.0 ``openai`` package (``openai.error.*``), for old scripts.

Each name is the real gptkit class, not a copy, so ``except openai.error.RateLimitError`` (after
``import gptkit as openai``) catches exactly what ``except gptkit.RateLimitError`` catches. New
code should use the names in ``gptkit`` itself.

Differences from the old package, all in the direction of catching more:

- ``InvalidRequestError`` is the common base of ``BadRequestError`` (400), ``NotFoundError``
  (404), ``UnprocessableEntityError`` (422) and ``InvalidParameterError`` (rejected before
  sending), which the old name covered together.
- ``APIError`` is the base of every error from talking to the API, rate limits included (the old
  one covered unexpected statuses only), so put it after the more specific clauses.
- ``ServiceUnavailableError`` is every 5xx, not only 503.
- ``Timeout`` is a subclass of ``APIConnectionError``; catch it first.
"""

from __future__ import annotations

from gptkit._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    ConflictError,
    GptkitError,
    InternalServerError,
    InvalidRequestError,
    PermissionDeniedError,
    RateLimitError,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "AuthenticationError",
    "InvalidRequestError",
    "OpenAIError",
    "PermissionError",
    "RateLimitError",
    "ServiceUnavailableError",
    "Timeout",
    "TryAgain",
]

#: The base of every error gptkit raises on purpose.
OpenAIError = GptkitError
#: A connect, read, write or pool timeout (a kind of ``APIConnectionError``).
Timeout = APITimeoutError
#: 5xx: the server failed or is overloaded.
ServiceUnavailableError = InternalServerError
#: 403: the key may not use this resource or model.
PermissionError = PermissionDeniedError
#: 409: the old package's "try again" answer (e.g. a model still loading).
TryAgain = ConflictError
