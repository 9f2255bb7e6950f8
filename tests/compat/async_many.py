"""Several async calls at once with asyncio.gather, as batch-style scripts do."""

import asyncio

from openai import AsyncOpenAI

client = AsyncOpenAI()


async def ask(question: str) -> str:
    completion = await client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": question}]
    )
    return completion.choices[0].message.content


async def main() -> None:
    questions = ["What is 2 + 2?", "Name a colour.", "Say hello."]
    answers = await asyncio.gather(*(ask(q) for q in questions))
    for question, answer in zip(questions, answers, strict=True):
        print(question, "->", answer)
    embedding = await client.embeddings.create(model="text-embedding-3-small", input=questions)
    print([len(item.embedding) for item in embedding.data])
    pages = [model.id async for model in client.models.list()]
    print(pages)
    await client.close()


asyncio.run(main())
