"""Errors as the README catches them: a model that does not exist, and the error's parts."""

import openai
from openai import OpenAI

client = OpenAI()

try:
    client.models.retrieve("gpt-unknown")
except openai.NotFoundError as e:
    print(type(e).__name__, e.status_code, e.code, e.param, e.type)
    print(e.message)
    print(e.body)
    print(isinstance(e, openai.APIStatusError), e.response.status_code, e.request.method)

try:
    client.with_options(max_retries=0).files.retrieve("file-missing")
except openai.APIStatusError as e:  # the base class catches every status error
    print(type(e).__name__, e.status_code, e.request_id is not None)
