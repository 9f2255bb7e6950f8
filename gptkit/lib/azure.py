"""``gptkit.lib.azure``: the official ``openai.lib.azure`` import path of the Azure clients and
their token-provider types, so ``from openai.lib.azure import AzureOpenAI, AzureADTokenProvider``
runs after changing the import (the clients are ``gptkit.AzureClient`` / ``AsyncAzureClient``)."""

from __future__ import annotations

from gptkit._azure._auth import (
    API_KEY_SENTINEL,
    AsyncAzureADTokenProvider,
    AzureADTokenProvider,
    MutuallyExclusiveAuthError,
)
from gptkit._azure._client import AsyncAzureClient, AsyncAzureOpenAI, AzureClient, AzureOpenAI

__all__ = [
    "API_KEY_SENTINEL",
    "AsyncAzureADTokenProvider",
    "AsyncAzureClient",
    "AsyncAzureOpenAI",
    "AzureADTokenProvider",
    "AzureClient",
    "AzureOpenAI",
    "MutuallyExclusiveAuthError",
]
