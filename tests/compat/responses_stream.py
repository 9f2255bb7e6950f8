"""Stream a response and print every event, as the official README does."""

from openai import OpenAI

client = OpenAI()

stream = client.responses.create(
    model="gpt-4o",
    input="Write a one-sentence bedtime story about a unicorn.",
    stream=True,
)

for event in stream:
    print(event.type, event.sequence_number)
    if event.type == "response.output_text.delta":
        print(repr(event.delta), event.item_id, event.output_index, event.content_index)
    elif event.type == "response.completed":
        print(event.response.output_text, event.response.status, event.response.usage.total_tokens)
