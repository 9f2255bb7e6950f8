"""The Responses API, as the official README opens with it."""

import os

from openai import OpenAI

client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"))

response = client.responses.create(
    model="gpt-4o",
    instructions="You are a coding assistant that talks like a pirate.",
    input="How do I check if a Python object is an instance of a class?",
)
print(response.output_text)
print(response.id, response.status, response.model)
print(response.usage.input_tokens, response.usage.output_tokens, response.usage.total_tokens)

follow_up = client.responses.create(
    model="gpt-4o", previous_response_id=response.id, input=[{"role": "user", "content": "And in Rust?"}]
)
print(follow_up.output_text)
print(follow_up.output[0].type, follow_up.output[0].role, follow_up.output[0].content[0].type)
