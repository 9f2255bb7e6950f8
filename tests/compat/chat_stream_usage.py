"""Ask for usage on a stream and read it from the last chunk."""

from openai import OpenAI

client = OpenAI()

stream = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Count to three"}],
    stream=True,
    stream_options={"include_usage": True},
)
text = []
for chunk in stream:
    if chunk.choices:
        text.append(chunk.choices[0].delta.content or "")
    if chunk.usage:
        print("usage:", chunk.usage.prompt_tokens, chunk.usage.completion_tokens, chunk.usage.total_tokens)
        print(len(chunk.choices))
print("".join(text))
