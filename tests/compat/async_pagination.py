"""Auto-paginating with ``async for`` over list endpoints, as the README shows."""

import asyncio

from openai import AsyncOpenAI

client = AsyncOpenAI()


async def main() -> None:
    for i in range(3):
        await client.files.create(file=(f"f{i}.jsonl", b"{}\n"), purpose="batch")
    all_files = []
    async for file in client.files.list(limit=2):
        all_files.append(file.filename)
    print(sorted(all_files))

    first_page = await client.files.list(limit=2)
    print(len(first_page.data), first_page.has_next_page())
    if first_page.has_next_page():
        next_page = await first_page.get_next_page()
        print(len(next_page.data))

    models = [model.id async for model in client.models.list()]
    print(models[:2], len(models))
    print((await client.models.retrieve("gpt-4o")).owned_by)
    await client.close()


asyncio.run(main())
