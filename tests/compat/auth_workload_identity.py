"""Workload identity instead of an API key (README "Workload Identity Authentication"): how the
client shows it, copies it, and what the providers and a mixed-up configuration report."""

from pathlib import Path

import openai
from openai import OpenAI
from openai.auth import (
    azure_managed_identity_token_provider,
    gcp_id_token_provider,
    k8s_service_account_token_provider,
    x509_workload_identity,
)

Path("token").write_text("eyJhbGciOi.k8s.token\n")
client = OpenAI(
    api_key=None,
    workload_identity={
        "identity_provider_id": "idp-123",
        "service_account_id": "sa-456",
        "provider": k8s_service_account_token_provider("token"),
        "refresh_buffer_seconds": 120.0,
    },
)
print(client.api_key)
print(client.workload_identity["identity_provider_id"], client.workload_identity["refresh_buffer_seconds"])
print(client.workload_identity["provider"]["token_type"], client.workload_identity["provider"]["get_token"]())

keyed = client.copy(api_key="sk-copy")
print(keyed.api_key, keyed.workload_identity)

print(gcp_id_token_provider()["token_type"], azure_managed_identity_token_provider()["token_type"])
print(x509_workload_identity(identity_provider_id="idp-x", service_account_id="sa-x", refresh_buffer_seconds=60))

try:
    OpenAI(api_key="sk-both", workload_identity={"identity_provider_id": "i", "service_account_id": "s",
                                                 "provider": k8s_service_account_token_provider("token")})
except openai.OpenAIError as e:
    print("refused:", e)

try:
    OpenAI(workload_identity=x509_workload_identity(identity_provider_id="i", service_account_id="s"),
           base_url="http://localhost:8080/v1")
except openai.OpenAIError as e:
    print("refused:", e)

for path in ["missing-token", "empty-token"]:
    if path == "empty-token":
        Path(path).write_text("\n")
    try:
        k8s_service_account_token_provider(path)["get_token"]()
    except openai.OpenAIError as e:
        print(type(e).__name__, e)
