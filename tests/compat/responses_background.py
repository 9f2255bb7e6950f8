"""Background responses: start one, poll it, then read it again (official background example)."""

import time

from openai import OpenAI

client = OpenAI()

response = client.responses.create(model="gpt-4o", input="solve 8x + 31 = 2", background=True)
print(response.status, response.background)
while response.status in {"queued", "in_progress"}:
    time.sleep(0.01)
    response = client.responses.retrieve(response.id)
print(response.status)
print(response.output_text)
print([item.type for item in client.responses.input_items.list(response.id)])
print(client.responses.delete(response.id))
