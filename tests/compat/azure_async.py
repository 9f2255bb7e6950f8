"""The async Azure client with a key from a function and an organization, streaming with usage."""

import asyncio
import os

from openai import AsyncAzureOpenAI


async def get_key() -> str:
    return os.environ["AZURE_OPENAI_API_KEY"]


async def main() -> None:
    client = AsyncAzureOpenAI(
        azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
        api_version="2024-10-21",
        api_key=get_key,
        organization="org-azure",
    )
    print(client.organization, repr(client.api_key))
    completion = await client.chat.completions.create(
        model="gpt4o-deployment", messages=[{"role": "user", "content": "Hello from asyncio"}]
    )
    print(completion.choices[0].message.content, completion.model, completion.usage.total_tokens)
    stream = await client.chat.completions.create(
        model="gpt4o-deployment",
        messages=[{"role": "user", "content": "count"}],
        stream=True,
        stream_options={"include_usage": True},
    )
    async for chunk in stream:
        if chunk.choices:
            print(repr(chunk.choices[0].delta.content))
        else:
            print(chunk.usage)
    copy = client.with_options(max_retries=0, timeout=10)
    reply = await copy.chat.completions.create(model="other", messages=[{"role": "user", "content": "copy"}])
    print(reply.choices[0].message, copy.max_retries, copy.timeout)
    await client.close()


asyncio.run(main())
