"""``gptkit.lib.azure``: the official ``openai.lib.azure`` path of the Azure clients and token
provider types; a provider annotated with them authenticates the calls (sync and async)."""

from __future__ import annotations

import httpx
import openai.lib.azure as official
import pytest

import gptkit
import gptkit.lib.azure as ours
from gptkit.lib.azure import AsyncAzureADTokenProvider, AzureADTokenProvider

from .helpers import Recorder, chat_body, close, invoke

ENDPOINT = "https://my-res.openai.azure.com"


def test_the_official_public_names_are_there() -> None:
    # What programs import from openai.lib.azure (BaseAzureClient, the generated code's base
    # class, is not among them).
    names = ["AzureOpenAI", "AsyncAzureOpenAI", "AzureADTokenProvider", "AsyncAzureADTokenProvider",
             "MutuallyExclusiveAuthError", "API_KEY_SENTINEL"]
    assert all(hasattr(official, name) for name in names)
    assert [name for name in names if not hasattr(ours, name)] == []
    assert ours.AzureOpenAI is gptkit.AzureOpenAI and ours.AsyncAzureOpenAI is gptkit.AsyncAzureOpenAI
    assert ours.API_KEY_SENTINEL == official.API_KEY_SENTINEL
    assert issubclass(ours.MutuallyExclusiveAuthError, gptkit.OpenAIError)


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_a_token_provider_authenticates_each_call(kind: str) -> None:
    recorder = Recorder(httpx.Response(200, json=chat_body()))
    count = iter(range(1, 100))

    def token() -> str:
        return f"entra-{next(count)}"

    async def atoken() -> str:
        return token()

    if kind == "sync":
        provider: AzureADTokenProvider = token
        client: object = ours.AzureOpenAI(azure_endpoint=ENDPOINT, api_version="2024-10-21",
                                          azure_ad_token_provider=provider, transport=recorder.transport)
    else:
        aprovider: AsyncAzureADTokenProvider = atoken
        client = ours.AsyncAzureOpenAI(azure_endpoint=ENDPOINT, api_version="2024-10-21",
                                       azure_ad_token_provider=aprovider, transport=recorder.transport)
    await invoke(client, "chat.completions.create", model="dep", messages=[{"role": "user", "content": "hi"}])
    sent = recorder.requests[0]
    assert sent.headers["authorization"] == "Bearer entra-1" and "api-key" not in sent.headers
    assert sent.url.path == "/openai/deployments/dep/chat/completions"
    await close(client)


def test_two_credentials_raise_the_official_error_before_anything_is_sent() -> None:
    recorder = Recorder(httpx.Response(200, json=chat_body()))
    with pytest.raises(ours.MutuallyExclusiveAuthError, match="arguments are mutually exclusive"):
        ours.AzureOpenAI(azure_endpoint=ENDPOINT, api_version="2024-10-21", api_key="k",
                         azure_ad_token_provider=lambda: "t", transport=recorder.transport)
    assert recorder.requests == []
