"""A key from a function (a vault, a short-lived token), asked for before each request."""

import asyncio

from openai import AsyncOpenAI, OpenAI

issued = []


def get_key() -> str:
    issued.append(f"sk-rotated-{len(issued) + 1}")
    return issued[-1]


async def get_key_async() -> str:
    return get_key()


client = OpenAI(api_key=get_key)
print(repr(client.api_key))
for question in ["hi", "again"]:
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    print(reply.choices[0].message.content, client.api_key == issued[-1], len(issued))


async def main() -> None:
    aclient = AsyncOpenAI(api_key=get_key_async)
    reply = await aclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "async"}])
    print(reply.choices[0].message.content, aclient.api_key == issued[-1], len(issued))
    await aclient.close()


asyncio.run(main())
