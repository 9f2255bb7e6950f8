"""Timeouts as the README configures them, and what the client reports back."""

from openai import OpenAI

client = OpenAI(timeout=20.0)
print(client.timeout)
print(client.with_options(timeout=5.0).timeout)
print(OpenAI().timeout)
