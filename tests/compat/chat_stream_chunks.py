"""Step through a stream by hand, then print every remaining chunk as JSON."""

from openai import OpenAI

client = OpenAI()

response = client.chat.completions.create(
    model="gpt-4o",
    messages=[{"role": "user", "content": "Count from 1 to 5."}],
    stream=True,
    stream_options={"include_usage": True},
)

first = next(response)
print(f"got response data: {first.to_json()}")
for data in response:
    print(data.to_json(indent=None))
    print(data)
