"""Undocumented endpoints and params: client.get/post, extra_body, extra_query, extra_headers."""

from openai import OpenAI

client = OpenAI()

completion = client.chat.completions.create(
    model="gpt-4o",
    messages=[{"role": "user", "content": "hi"}],
    extra_body={"metadata": {"source": "compat"}},
    extra_headers={"x-my-header": "1"},
    extra_query={"debug": "true"},
)
print(completion.choices[0].message.content)

models = client.get("/models", cast_to=object)
print(sorted(models))
print([m["id"] for m in models["data"]])
