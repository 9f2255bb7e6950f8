"""``gptkit.auth``: workload identity, authenticating without a long-lived API key (the official
``openai.auth`` names and behaviour).

A workload proves who it is with its platform's own credential, a Kubernetes service-account
token, a cloud metadata server's token, or an X.509 client certificate, which is exchanged for a
short-lived OpenAI access token, cached and refreshed before it expires::

    from gptkit import OpenAI
    from gptkit.auth import k8s_service_account_token_provider

    client = OpenAI(workload_identity={
        "identity_provider_id": "idp-123",
        "service_account_id": "sa-456",
        "provider": k8s_service_account_token_provider(),
    })

The token is asked for before each attempt, as an ``api_key`` function is; it never appears in
reprs, logs or errors (``client.api_key`` shows ``"workload-identity-auth"``).
"""

from __future__ import annotations

from gptkit.auth._exchange import WorkloadIdentityAuth, X509WorkloadIdentityAuth
from gptkit.auth._identity import (
    SubjectTokenProvider,
    SubjectTokenWorkloadIdentity,
    WorkloadIdentity,
    X509WorkloadIdentity,
    x509_workload_identity,
)
from gptkit.auth._providers import (
    azure_managed_identity_token_provider,
    gcp_id_token_provider,
    k8s_service_account_token_provider,
)

__all__ = [
    "SubjectTokenProvider",
    "SubjectTokenWorkloadIdentity",
    "WorkloadIdentity",
    "WorkloadIdentityAuth",
    "X509WorkloadIdentity",
    "X509WorkloadIdentityAuth",
    "azure_managed_identity_token_provider",
    "gcp_id_token_provider",
    "k8s_service_account_token_provider",
    "x509_workload_identity",
]
