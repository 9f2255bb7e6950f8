"""Entra ID tokens for Azure OpenAI, as the official examples/azure_ad.py sets them up (a plain
function stands in for azure-identity's get_bearer_token_provider), imported from
openai.lib.azure; and the error for two credentials at once."""

import asyncio
import os

from openai.lib.azure import (
    AsyncAzureADTokenProvider,
    AsyncAzureOpenAI,
    AzureADTokenProvider,
    AzureOpenAI,
    MutuallyExclusiveAuthError,
)

endpoint = os.environ["AZURE_OPENAI_ENDPOINT"]
issued = []


def token_provider() -> str:
    issued.append(f"entra-token-{len(issued) + 1}")
    return issued[-1]


async def async_token_provider() -> str:
    return token_provider()


def sync_main() -> None:
    provider: AzureADTokenProvider = token_provider
    client = AzureOpenAI(api_version="2024-10-21", azure_endpoint=endpoint, azure_ad_token_provider=provider)
    completion = client.chat.completions.create(
        model="deployment-name",
        messages=[{"role": "user", "content": "How do I output all files in a directory using Python?"}],
    )
    print(completion.to_json())
    print(len(issued) >= 1)


async def async_main() -> None:
    provider: AsyncAzureADTokenProvider = async_token_provider
    client = AsyncAzureOpenAI(api_version="2024-10-21", azure_endpoint=endpoint, azure_ad_token_provider=provider)
    completion = await client.chat.completions.create(
        model="deployment-name", messages=[{"role": "user", "content": "And asynchronously?"}]
    )
    print(completion.choices[0].message.content)
    await client.close()


sync_main()
asyncio.run(async_main())

try:
    AzureOpenAI(api_version="2024-10-21", azure_endpoint=endpoint, api_key="k", azure_ad_token="t")
except MutuallyExclusiveAuthError as e:
    print("refused:", e)
