"""A 429 with retries turned off reaches the program as RateLimitError."""

import openai
from openai import OpenAI

client = OpenAI(max_retries=0)

try:
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
except openai.RateLimitError as e:
    print("A 429 status code was received; we should back off a bit.")
    print(e.status_code, e.code, e.message)
    print(e.response.headers.get("retry-after"))

print(client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}]).choices[0].message.content)
