"""Subject-token providers for the common workload platforms: each returns a
``SubjectTokenProvider`` whose ``get_token()`` reads the platform's token where the platform puts
it (a mounted file, a metadata server), at every exchange, so a rotated token is picked up.

Failures raise ``SubjectTokenProviderError`` naming the source (the file, the server and its
HTTP status), never what was read.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import httpx

from gptkit._exceptions import SubjectTokenProviderError
from gptkit.auth._identity import SubjectTokenProvider

__all__ = [
    "azure_managed_identity_token_provider",
    "gcp_id_token_provider",
    "k8s_service_account_token_provider",
]

K8S_TOKEN_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/token"
AZURE_IMDS_TOKEN_URL = "http://169.254.169.254/metadata/identity/oauth2/token"
GCP_IDENTITY_URL = "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/identity"


def k8s_service_account_token_provider(token_file_path: str | Path = K8S_TOKEN_FILE) -> SubjectTokenProvider:
    """Kubernetes (and the managed clusters built on it) with workload identity: the projected
    service-account token, read from ``token_file_path`` (default the standard mount)."""
    failed = f"Failed to read the token file at {token_file_path}"

    def get_token() -> str:
        try:
            token = Path(token_file_path).read_text().strip()
        except OSError as exc:
            raise SubjectTokenProviderError(f"{failed}: {exc}") from exc
        if not token:  # worded as the official package words it (programs print it)
            raise SubjectTokenProviderError(f"{failed}: The token file at {token_file_path} is empty.")
        return token

    return {"token_type": "jwt", "get_token": get_token}


def azure_managed_identity_token_provider(
    resource: str = "https://management.azure.com/",
    *,
    object_id: str | None = None,
    client_id: str | None = None,
    msi_res_id: str | None = None,
    api_version: str = "2018-02-01",
    timeout: float = 10.0,
    http_client: httpx.Client | None = None,
) -> SubjectTokenProvider:
    """An Azure managed identity's token for ``resource``, from the instance metadata service
    (IMDS); ``object_id`` / ``client_id`` / ``msi_res_id`` pick one of several assigned
    identities. ``http_client``: the ``httpx.Client`` to ask with (default: a new one each time)."""
    selectors = {"object_id": object_id, "client_id": client_id, "msi_res_id": msi_res_id}
    params = {"api-version": api_version, "resource": resource,
              **{name: value for name, value in selectors.items() if value is not None}}
    failed = "Failed to fetch Azure subject token from IMDS"

    def get_token() -> str:
        response = _ask(failed, AZURE_IMDS_TOKEN_URL, params, {"Metadata": "true"}, timeout, http_client)
        try:
            data = response.json()
        except ValueError as exc:
            raise SubjectTokenProviderError(f"{failed}: {exc}", response=response) from exc
        token = data.get("access_token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token:
            raise SubjectTokenProviderError(f"{failed}: Azure IMDS response did not include an access_token",
                                            response=response)
        return token

    return {"token_type": "jwt", "get_token": get_token}


def gcp_id_token_provider(
    audience: str = "https://api.openai.com/v1",
    *,
    timeout: float = 10.0,
    http_client: httpx.Client | None = None,
) -> SubjectTokenProvider:
    """A Google Cloud VM's (or GKE, Cloud Run) OpenID Connect ID token for ``audience``, from the
    metadata server. ``http_client``: the ``httpx.Client`` to ask with (default: a new one)."""
    failed = "Failed to fetch GCP subject token from metadata server"

    def get_token() -> str:
        response = _ask(failed, GCP_IDENTITY_URL, {"audience": audience}, {"Metadata-Flavor": "Google"},
                        timeout, http_client)
        token = response.text.strip()
        if not token:
            raise SubjectTokenProviderError(f"{failed}: GCP metadata server returned an empty token",
                                            response=response)
        return token

    return {"token_type": "id", "get_token": get_token}


def _ask(failed: str, url: str, params: Mapping[str, str], headers: Mapping[str, str], timeout: float,
         http_client: httpx.Client | None) -> httpx.Response:
    """GET a metadata server; a failure to reach it or an error status is the provider's error
    (worded as the official package's: ``failed`` says which source)."""
    try:
        if http_client is not None:
            response = http_client.get(url, params=params, headers=headers, timeout=timeout)
        else:
            with httpx.Client(trust_env=False) as client:  # metadata servers are link-local: no proxy
                response = client.get(url, params=params, headers=headers, timeout=timeout)
    except httpx.HTTPError as exc:
        raise SubjectTokenProviderError(f"{failed}: {exc}") from exc
    if response.is_error:
        raise SubjectTokenProviderError(f"{failed}: {failed}: HTTP {response.status_code}", response=response)
    return response
