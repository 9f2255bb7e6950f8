"""Several choices, a stop sequence, a seed and a JSON answer, printed as the cookbook does."""

import json

from openai import OpenAI

client = OpenAI()

completion = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Name a color"}],
    n=3,
    seed=42,
    stop=["\n"],
    max_completion_tokens=20,
    temperature=0.7,
)
for choice in completion.choices:
    print(choice.index, choice.finish_reason, choice.message.content)
print(completion.usage.completion_tokens, completion.system_fingerprint)

data = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Reply in JSON"}],
    response_format={"type": "json_object"},
)
print(type(json.loads(data.choices[0].message.content)).__name__)
print(completion.model_dump_json(indent=2)[:200])
