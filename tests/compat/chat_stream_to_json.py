"""Stream a chat answer without asking for usage and print each chunk as the API sent it."""

from openai import OpenAI

client = OpenAI()

stream = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Name three colours."}],
    stream=True,
)
for chunk in stream:
    print(chunk.to_json(indent=None))
    print(sorted(chunk.model_dump(exclude_unset=True)))
