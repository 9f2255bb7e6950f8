"""Stored chat completions: create with store=True, then retrieve, list messages, update, delete."""

from openai import OpenAI

client = OpenAI()

completion = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Remember this"}],
    store=True,
    metadata={"project": "compat"},
)
stored = client.chat.completions.retrieve(completion.id)
print(stored.id == completion.id, stored.choices[0].message.content)

for message in client.chat.completions.messages.list(completion.id):
    print(message.role, message.content)

for item in client.chat.completions.list(metadata={"project": "compat"}):
    print(item.id, item.metadata)

updated = client.chat.completions.update(completion.id, metadata={"project": "compat", "reviewed": "yes"})
print(updated.metadata)
print(client.chat.completions.delete(completion.id))
