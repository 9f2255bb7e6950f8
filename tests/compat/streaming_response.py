"""``with_streaming_response``: read the body lazily, line by line."""

from openai import OpenAI

client = OpenAI()

with client.chat.completions.with_streaming_response.create(
    model="gpt-4o",
    messages=[{"role": "user", "content": "Say this is a test"}],
) as response:
    print(response.headers.get("x-request-id"), response.status_code)
    for line in response.iter_lines():
        print(line)

with client.embeddings.with_streaming_response.create(model="text-embedding-3-small", input="hi") as response:
    parsed = response.parse()
    print(len(parsed.data[0].embedding), response.is_closed)
print(response.is_closed)
