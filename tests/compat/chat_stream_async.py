"""Stream a chat completion with the async client."""

import asyncio

from openai import AsyncOpenAI

client = AsyncOpenAI()


async def main() -> None:
    stream = await client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": "Say this is a test"}],
        stream=True,
    )
    async for chunk in stream:
        if not chunk.choices:
            continue
        print(chunk.choices[0].delta.content or "", end="")
    print()

    completion = await client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "And now without streaming"}]
    )
    print(completion.choices[0].message.content)


asyncio.run(main())
