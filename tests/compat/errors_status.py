"""Handle API errors as the official README shows: status code, message, request id."""

import openai
from openai import OpenAI

client = OpenAI()

try:
    client.models.retrieve("gpt-does-not-exist")
except openai.NotFoundError as e:
    print("not found:", e.status_code)
    print(e.message)
    print(e.code, e.param, e.type)
    print(e.body)
    print(e.request_id)
    print(type(e).__name__, isinstance(e, openai.APIStatusError), isinstance(e, openai.APIError))
    print(e)

try:
    client.files.retrieve("file-missing")
except openai.APIStatusError as e:
    print(e.status_code, e.message)
    print(e.response.status_code, e.response.headers.get("content-type"))
