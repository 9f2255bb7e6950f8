"""The module-level client: ``openai.chat.completions.create`` without making a client."""

import openai

openai.default_headers = {"x-foo": "true"}

stream = openai.chat.completions.create(
    model="gpt-4o",
    messages=[{"role": "user", "content": "How do I output all files in a directory using Python?"}],
    stream=True,
)
for chunk in stream:
    if not chunk.choices:
        continue
    print(chunk.choices[0].delta.content or "", end="", flush=True)
print()

print(openai.embeddings.create(model="text-embedding-3-small", input="hello").data[0].index)
print([model.id for model in openai.models.list()])
