"""A server that cannot be reached: APIConnectionError, as the README handles it."""

import openai
from openai import OpenAI

client = OpenAI(base_url="http://127.0.0.1:9/v1", max_retries=0)

try:
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
except openai.APIConnectionError as e:
    print("The server could not be reached")
    print(type(e).__name__, e.message)
    print(isinstance(e, openai.APIError), isinstance(e, openai.APIStatusError))
    print(type(e.__cause__).__name__)
