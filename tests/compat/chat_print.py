"""Print a whole chat completion object, its JSON and its dict, as people do while exploring."""

from openai import OpenAI

client = OpenAI()

completion = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Say this is a test"}],
)

print(completion)
print(completion.choices[0].message)
print(completion.usage)
print(completion.to_json())
print(completion.to_dict())
print(completion.model_dump_json(indent=2))
