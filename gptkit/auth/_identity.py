"""What a workload identity is: the configuration ``OpenAI(workload_identity=...)`` takes.

Two kinds, as in the official package: a *subject-token* identity (a function returns a token from
the workload's own identity provider: a Kubernetes service-account token, a cloud metadata server's
ID token), exchanged at OpenAI's token endpoint for a short-lived OpenAI access token; and an
*X.509* identity, where the client certificate configured on the HTTP client proves who the
workload is. Both are plain dicts (``TypedDict``), checked when the client is built.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Literal, TypeAlias, TypedDict

from typing_extensions import NotRequired

from gptkit._core._config import MTLS_API_BASE_URL
from gptkit._exceptions import ConfigurationError

__all__ = [
    "DEFAULT_REFRESH_BUFFER_SECONDS",
    "DEFAULT_TOKEN_EXCHANGE_URL",
    "MTLS_API_BASE_URL",
    "SUBJECT_TOKEN_TYPES",
    "TOKEN_EXCHANGE_GRANT_TYPE",
    "X509_SUBJECT_TOKEN_TYPE",
    "X509_TOKEN_EXCHANGE_URL",
    "SubjectTokenProvider",
    "SubjectTokenWorkloadIdentity",
    "WorkloadIdentity",
    "X509WorkloadIdentity",
    "check_identity",
    "is_x509",
    "x509_workload_identity",
]

#: RFC 8693 token exchange, the grant both kinds of identity use.
TOKEN_EXCHANGE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange"
DEFAULT_TOKEN_EXCHANGE_URL = "https://auth.openai.com/oauth/token"
#: Refresh this long before the token expires (at most half its lifetime).
DEFAULT_REFRESH_BUFFER_SECONDS = 1200
SUBJECT_TOKEN_TYPES = {
    "jwt": "urn:ietf:params:oauth:token-type:jwt",
    "id": "urn:ietf:params:oauth:token-type:id_token",
}
#: X.509: the certificate authenticates the exchange, at endpoints that ask for it (mutual TLS).
X509_TOKEN_EXCHANGE_URL = "https://mtls.auth.openai.com/oauth/token"
X509_SUBJECT_TOKEN_TYPE = "urn:openai:params:oauth:token-type:x509"


class SubjectTokenProvider(TypedDict):
    """Where the workload's own token comes from: ``get_token()`` returns it (called at each
    exchange, so a rotated file is read again); ``token_type`` says what it is (``"jwt"`` or
    ``"id"``, an OpenID Connect ID token)."""

    token_type: Literal["jwt", "id"]
    get_token: Callable[[], str]


class WorkloadIdentity(TypedDict):
    """A subject-token workload identity: the identity provider and service account configured
    for it at OpenAI, the provider of the subject token, and how early to refresh (seconds before
    the OpenAI token expires; default 1200)."""

    identity_provider_id: str
    service_account_id: str
    provider: SubjectTokenProvider
    refresh_buffer_seconds: NotRequired[float]


SubjectTokenWorkloadIdentity: TypeAlias = WorkloadIdentity


class X509WorkloadIdentity(TypedDict):
    """An X.509 workload identity: the client certificate on the HTTP client authenticates the
    exchange; only the identity provider and service account are configured here."""

    type: Literal["x509"]
    identity_provider_id: str
    service_account_id: str
    refresh_buffer_seconds: NotRequired[float]


def x509_workload_identity(
    *, identity_provider_id: str, service_account_id: str, refresh_buffer_seconds: float | None = None
) -> X509WorkloadIdentity:
    """An ``X509WorkloadIdentity`` for ``OpenAI(workload_identity=...)``: configure the client
    certificate on the ``http_client`` (an ``ssl.SSLContext`` as ``verify=``); the certificate
    itself never passes through gptkit."""
    identity: X509WorkloadIdentity = {
        "type": "x509",
        "identity_provider_id": identity_provider_id,
        "service_account_id": service_account_id,
    }
    if refresh_buffer_seconds is not None:
        identity["refresh_buffer_seconds"] = refresh_buffer_seconds
    return identity


def is_x509(identity: object) -> bool:
    """Whether ``identity`` is an X.509 one (``{"type": "x509", ...}``)."""
    return isinstance(identity, dict) and identity.get("type") == "x509"


_X509_FIELDS = frozenset({"type", "identity_provider_id", "service_account_id", "refresh_buffer_seconds"})


def check_identity(identity: object) -> None:
    """Refuse a malformed identity when the client is built, before anything is sent; the
    messages name fields, never values (a subject token could be pasted in the wrong place)."""
    if not isinstance(identity, dict):
        raise TypeError(f"workload_identity must be a dict (a WorkloadIdentity or X509WorkloadIdentity), "
                        f"not {type(identity).__name__}")
    data: dict[str, Any] = identity
    for name in ("identity_provider_id", "service_account_id"):
        if not isinstance(data.get(name), str) or not data[name]:
            raise ConfigurationError(f"workload_identity needs {name} as a non-empty string")
    buffer = data.get("refresh_buffer_seconds")
    if buffer is not None and (isinstance(buffer, bool) or not isinstance(buffer, (int, float))
                               or not math.isfinite(buffer) or buffer < 0):
        raise ConfigurationError("workload_identity's refresh_buffer_seconds must be a finite number >= 0")
    if is_x509(identity):
        extra = sorted(set(data) - _X509_FIELDS)
        if extra:
            raise ConfigurationError(f"an X.509 workload identity takes only the identity IDs and "
                                     f"refresh_buffer_seconds, not {', '.join(extra)}")
        return
    provider = data.get("provider")
    if not isinstance(provider, dict):
        raise ConfigurationError("workload_identity needs a provider ({'token_type': ..., 'get_token': ...}) "
                                 "or type='x509' (gptkit.auth.x509_workload_identity)")
    if provider.get("token_type") not in SUBJECT_TOKEN_TYPES:
        raise ConfigurationError(f"the workload identity provider's token_type must be one of "
                                 f"{', '.join(map(repr, SUBJECT_TOKEN_TYPES))}")
    if not callable(provider.get("get_token")):
        raise ConfigurationError("the workload identity provider's get_token must be a function "
                                 "returning the token")
