"""A stored response: retrieve it, list its input items, count tokens, then delete it."""

import openai
from openai import OpenAI

client = OpenAI()

response = client.responses.create(
    model="gpt-4o",
    instructions="You are a concise assistant.",
    input=[{"role": "user", "content": "Tell me a three sentence bedtime story about a unicorn."}],
)
print(response.id, response.status, response.output_text)

again = client.responses.retrieve(response.id)
print(again.id == response.id, again.output_text == response.output_text, again.usage.total_tokens)

items = client.responses.input_items.list(response.id)
for item in items:
    print(item.type, item.role, [part.type for part in item.content])

follow_up = client.responses.create(model="gpt-4o", previous_response_id=response.id, input="And a title?")
print(follow_up.previous_response_id == response.id, follow_up.output_text)

client.responses.delete(response.id)
try:
    client.responses.retrieve(response.id)
except openai.NotFoundError as e:
    print(type(e).__name__, e.status_code)
