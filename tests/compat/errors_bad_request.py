"""Catch a BadRequestError the server sends."""

import openai
from openai import OpenAI

client = OpenAI()

try:
    client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "hi"}], temperature=1.5
    )
except openai.BadRequestError as e:
    print(e.status_code, e.message)
    print(e.param, e.code)
    print(repr(e))
