"""Print whole Responses API objects: the response and the events of a stream."""

from openai import OpenAI

client = OpenAI()

response = client.responses.create(model="gpt-4o", input="Say this is a test")
print(response)

for event in client.responses.create(model="gpt-4o", input="Stream this", stream=True):
    print(event)
