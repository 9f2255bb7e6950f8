"""A conversation's items: add, list, retrieve and delete them."""

from openai import OpenAI

client = OpenAI()

conversation = client.conversations.create(
    metadata={"topic": "demo"}, items=[{"type": "message", "role": "user", "content": "Hello!"}]
)
print(conversation.id, conversation.metadata, conversation.object)

added = client.conversations.items.create(
    conversation.id,
    items=[{"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Second message"}]}],
)
print(len(added.data), added.data[0].type)

items = client.conversations.items.list(conversation.id, limit=10)
for item in items:
    print(item.type, item.role, item.content[0].text)

first = client.conversations.items.retrieve(items.data[0].id, conversation_id=conversation.id)
print(first.id == items.data[0].id)
after = client.conversations.items.delete(items.data[0].id, conversation_id=conversation.id)
print(after.id == conversation.id)
print(client.conversations.update(conversation.id, metadata={"topic": "done"}).metadata)
print(client.conversations.delete(conversation.id))
