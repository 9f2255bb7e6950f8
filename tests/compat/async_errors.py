"""Error handling with the async client: a missing model, then a wrong key."""

import asyncio

import openai
from openai import AsyncOpenAI


async def main() -> None:
    client = AsyncOpenAI()
    try:
        await client.models.retrieve("no-such-model")
    except openai.NotFoundError as e:
        print(type(e).__name__, e.status_code, e.message)
    try:
        await client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
    except openai.AuthenticationError as e:
        print(type(e).__name__, e.status_code, e.code)
        print(e.message)
    except openai.APIStatusError as e:
        print("other", e.status_code)
    else:
        print("no error")


asyncio.run(main())
