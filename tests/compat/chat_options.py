"""Common request options: n, seed, max_tokens, stop, JSON mode, logprobs, a user id."""

import json

from openai import OpenAI

client = OpenAI()

completion = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Give me two names"}],
    n=2,
    seed=42,
    max_tokens=50,
    stop=["\n\n"],
    temperature=0.2,
    user="user-1234",
)
for choice in completion.choices:
    print(choice.index, choice.message.content, choice.finish_reason)
print(completion.system_fingerprint, completion.usage.completion_tokens)

as_json = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "system", "content": "Answer in JSON."}, {"role": "user", "content": "A colour?"}],
    response_format={"type": "json_object"},
)
print(as_json.choices[0].message.content)
try:
    print(json.loads(as_json.choices[0].message.content))
except ValueError:
    print("not JSON")
