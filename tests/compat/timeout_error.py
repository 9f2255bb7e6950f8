"""A request that takes longer than its timeout raises APITimeoutError."""

import openai
from openai import OpenAI

client = OpenAI(max_retries=0)

try:
    client.with_options(timeout=0.2).chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "slow"}]
    )
except openai.APITimeoutError as e:
    print(type(e).__name__, e.message)
    print(isinstance(e, openai.APIConnectionError))
print(client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "fast"}]).choices[0].message.content)
