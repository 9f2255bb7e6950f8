"""The Responses API with the async client, plain and streamed (README "Async usage")."""

import asyncio

from openai import AsyncOpenAI

client = AsyncOpenAI()


async def main() -> None:
    response = await client.responses.create(
        model="gpt-4o", input="Explain disestablishmentarianism to a smart five year old."
    )
    print(response.output_text)

    stream = await client.responses.create(
        model="gpt-4o", input="Write a one-sentence bedtime story about a unicorn.", stream=True
    )
    async for event in stream:
        if event.type == "response.output_text.delta":
            print(event.delta, end="", flush=True)
        elif event.type == "response.completed":
            print()
            print(event.response.output_text)


asyncio.run(main())
