"""Print a whole moderation result, as people do while exploring the endpoint."""

from openai import OpenAI

client = OpenAI()

response = client.moderations.create(model="omni-moderation-latest", input="I want to hug my cat.")
print(response)
print(response.to_json())
