"""The stream loop many tutorials write: no check for chunks without choices."""

from openai import OpenAI

client = OpenAI()

stream = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Tell me a joke"}],
    stream=True,
)
pieces = []
for chunk in stream:
    content = chunk.choices[0].delta.content
    if content is not None:
        pieces.append(content)
        print(content, end="")
print()
print(len(pieces), chunk.usage, chunk.choices[0].finish_reason)
