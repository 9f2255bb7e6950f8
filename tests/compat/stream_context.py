"""Use a stream as a context manager and stop early; then close one explicitly."""

from openai import OpenAI

client = OpenAI()

with client.chat.completions.create(
    model="gpt-4o", messages=[{"role": "user", "content": "one two three four five six"}], stream=True
) as stream:
    for i, chunk in enumerate(stream):
        print(i, repr(chunk.choices[0].delta.content) if chunk.choices else None)
        if i == 3:
            break
print("stopped early")

stream = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}], stream=True)
print(type(stream).__name__)
first = next(iter(stream))
print(first.object, first.choices[0].delta.role)
stream.close()
print("closed")
