"""Errors of workload-identity authentication (``gptkit.auth``): the token endpoint refused the
exchange, or a subject-token provider could not read its source.

Neither carries a token: ``OAuthError`` keeps only the OAuth ``error`` code and its description
from the endpoint's answer, and a provider's error names the file or URL it read, not what it read.
"""

from __future__ import annotations

from typing import Literal, Union

import httpx

from gptkit._exceptions._api import AuthenticationError, GptkitError

# ``OAuthErrorCode`` is public as ``gptkit.types.shared.OAuthErrorCode``, where the official one is.
__all__ = ["OAuthError", "SubjectTokenProviderError"]

#: The OAuth error codes OpenAI's token endpoint answers with (others arrive as they are).
OAuthErrorCode = Union[Literal["invalid_grant", "invalid_subject_token"], str]  # noqa: UP007, PYI051 (runtime, 3.10; as officially)


class OAuthError(AuthenticationError):
    """The token endpoint refused to exchange the workload's identity for an OpenAI token
    (HTTP 400, 401 or 403). ``error`` is its OAuth error code (``invalid_grant``, ...)."""

    error: OAuthErrorCode | None

    def __init__(self, *, response: httpx.Response, body: object | None) -> None:
        error = body.get("error") if isinstance(body, dict) else None
        description = body.get("error_description") if isinstance(body, dict) else None
        message = (description if isinstance(description, str) and description
                   else "OAuth authentication error.")
        # Only the OAuth fields are kept: whatever else the endpoint echoed stays out of the error.
        safe = ({k: v for k, v in body.items() if k in ("error", "error_description")}
                if isinstance(body, dict) else None)
        super().__init__(message, response=response, body=safe)
        self.error = error if isinstance(error, str) else None


class SubjectTokenProviderError(GptkitError):
    """A subject-token provider (a Kubernetes token file, a cloud metadata server) failed; the
    ``response`` of the metadata server when it answered with an error."""

    response: httpx.Response | None

    def __init__(self, message: str, *, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.response = response
