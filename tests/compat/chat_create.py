"""Create a chat completion and print the answer, as in the official README."""

from openai import OpenAI

client = OpenAI()

completion = client.chat.completions.create(
    model="gpt-4o",
    messages=[
        {"role": "developer", "content": "Talk like a pirate."},
        {"role": "user", "content": "How do I check if a Python object is an instance of a class?"},
    ],
)

print(completion.choices[0].message.content)
print(completion.choices[0].finish_reason, completion.usage.total_tokens)
print(completion.id, completion.model, completion.object)
