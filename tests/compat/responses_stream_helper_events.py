"""``responses.stream`` without ``text_format``: every event printed whole, then the final response."""

from openai import OpenAI

client = OpenAI()

with client.responses.stream(
    model="gpt-4o",
    instructions="Answer in a few words.",
    input="Name a colour of the sky.",
    max_output_tokens=64,
) as stream:
    for event in stream:
        print(event)

final = stream.get_final_response()
print(type(final).__name__, final.output_text)
print(final)
