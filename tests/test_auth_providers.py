"""The subject-token providers of ``gptkit.auth`` read their platform's source: a mounted file
(Kubernetes), the Azure instance metadata service, the GCP metadata server (stood in for by respx
and by an ``http_client`` over a ``MockTransport``); failures are ``SubjectTokenProviderError``."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import respx

import gptkit
from gptkit.auth import (
    azure_managed_identity_token_provider,
    gcp_id_token_provider,
    k8s_service_account_token_provider,
)

AZURE = "http://169.254.169.254/metadata/identity/oauth2/token"
GCP = "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/identity"


def test_k8s_reads_the_token_file_at_every_exchange(tmp_path: Path) -> None:
    path = tmp_path / "token"
    path.write_text("jwt-one\n")
    provider = k8s_service_account_token_provider(path)
    assert provider["token_type"] == "jwt" and provider["get_token"]() == "jwt-one"
    path.write_text("jwt-two")  # the kubelet rotated it
    assert provider["get_token"]() == "jwt-two"


def test_k8s_missing_or_empty_file_is_a_provider_error(tmp_path: Path) -> None:
    with pytest.raises(gptkit.SubjectTokenProviderError, match="Failed to read the token file"):
        k8s_service_account_token_provider(tmp_path / "absent")["get_token"]()
    empty = tmp_path / "empty"
    empty.write_text("  \n")
    with pytest.raises(gptkit.SubjectTokenProviderError, match="is empty"):
        k8s_service_account_token_provider(str(empty))["get_token"]()


@respx.mock
def test_azure_asks_imds_with_the_metadata_header_and_identity_selectors() -> None:
    route = respx.get(AZURE).mock(return_value=httpx.Response(200, json={"access_token": "azure-jwt"}))
    provider = azure_managed_identity_token_provider("api://openai", client_id="cid-1", timeout=3.0)
    assert provider == {"token_type": "jwt", "get_token": provider["get_token"]}
    assert provider["get_token"]() == "azure-jwt"
    sent = route.calls.last.request
    assert sent.headers["Metadata"] == "true"
    assert dict(sent.url.params) == {"api-version": "2018-02-01", "resource": "api://openai", "client_id": "cid-1"}


@respx.mock
@pytest.mark.parametrize(("answer", "message"), [
    (httpx.Response(400, json={"error": "invalid_request"}), "HTTP 400"),
    (httpx.Response(200, json={"token_type": "Bearer"}), "access_token"),
    (httpx.Response(200, text="not json"), "Expecting value"),
])
def test_azure_failures_are_provider_errors(answer: httpx.Response, message: str) -> None:
    respx.get(AZURE).mock(return_value=answer)
    with pytest.raises(gptkit.SubjectTokenProviderError, match=message) as caught:
        azure_managed_identity_token_provider()["get_token"]()
    assert caught.value.response is not None and caught.value.response.status_code == answer.status_code


@respx.mock
def test_azure_unreachable_is_a_provider_error() -> None:
    respx.get(AZURE).mock(side_effect=httpx.ConnectTimeout("no route"))
    with pytest.raises(gptkit.SubjectTokenProviderError, match="Failed to fetch Azure subject token from IMDS: no route"):
        azure_managed_identity_token_provider()["get_token"]()


def test_gcp_asks_the_metadata_server_for_an_id_token_through_the_given_client() -> None:
    seen: list[httpx.Request] = []

    def metadata(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text="gcp-id-token\n")

    http = httpx.Client(transport=httpx.MockTransport(metadata))
    provider = gcp_id_token_provider("https://api.openai.com/v1", http_client=http)
    assert provider["token_type"] == "id" and provider["get_token"]() == "gcp-id-token"
    assert str(seen[0].url).split("?")[0] == GCP
    assert seen[0].url.params["audience"] == "https://api.openai.com/v1"
    assert seen[0].headers["Metadata-Flavor"] == "Google"


@respx.mock
@pytest.mark.parametrize(("answer", "message"), [
    (httpx.Response(404, text="no identity"), "HTTP 404"),
    (httpx.Response(200, text=""), "empty token"),
])
def test_gcp_failures_are_provider_errors(answer: httpx.Response, message: str) -> None:
    respx.get(GCP).mock(return_value=answer)
    with pytest.raises(gptkit.SubjectTokenProviderError, match=message):
        gcp_id_token_provider()["get_token"]()


def test_a_provider_error_reaches_the_caller_before_the_api_is_called(tmp_path: Path) -> None:
    sent: list[httpx.Request] = []

    def api(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    client = gptkit.Client(transport=httpx.MockTransport(api),
                           max_retries=0, workload_identity={
                               "identity_provider_id": "idp", "service_account_id": "sa",
                               "provider": k8s_service_account_token_provider(tmp_path / "absent")})
    with pytest.raises(gptkit.SubjectTokenProviderError):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
    assert sent == []
