"""Conversations: keep the state on the server and add responses to it."""

from openai import OpenAI

client = OpenAI()

conversation = client.conversations.create(metadata={"topic": "demo"}, items=[
    {"type": "message", "role": "user", "content": "Hello!"}
])
print(conversation.id, conversation.object, conversation.metadata)

response = client.responses.create(model="gpt-4o", input="What did I just say?", conversation=conversation.id)
print(response.output_text)

items = client.conversations.items.list(conversation.id, order="asc")
for item in items:
    print(item.type, getattr(item, "role", None))
print(client.conversations.delete(conversation.id))
