"""Per-request options with ``client.with_options(...)`` and client attributes."""

from openai import OpenAI

client = OpenAI(max_retries=0, timeout=20.0)
print(client.max_retries, client.base_url.host, client.base_url.path, client.api_key)

faster = client.with_options(timeout=5.0, max_retries=5)
print(faster.max_retries, client.max_retries, faster.base_url == client.base_url)

completion = client.with_options(max_retries=5).chat.completions.create(
    model="gpt-4o",
    messages=[{"role": "user", "content": "How can I get the name of the current day in JavaScript?"}],
)
print(completion.choices[0].message.content)

tagged = client.with_options(default_headers={"x-team": "search"}).chat.completions.create(
    model="gpt-4o", messages=[{"role": "user", "content": "tagged"}], extra_headers={"x-trace": "1"}
)
print(tagged.choices[0].message.content)
