"""Programs written for the official ``openai`` package's Responses API print the same with
``import gptkit as openai``: each runs twice in a fresh interpreter, once per package, against its
own ``FakeOpenAI`` served on 127.0.0.1 (same ids, same answers), and the outputs are compared."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gptkit.testing import FakeOpenAI

TEXT = """\
import openai

client = openai.OpenAI()
response = client.responses.create(
    model="gpt-4o",
    instructions="You are a coding assistant that talks like a pirate.",
    input="How do I check if a Python object is an instance of a class?",
)
print(response.output_text)
print(response.status, response.usage.input_tokens, response.usage.output_tokens, response.usage.total_tokens)
print([item.type for item in response.output], response.output[0].content[0].type)
follow = client.responses.create(
    model="gpt-4o", previous_response_id=response.id,
    input=[{"role": "user", "content": "And in one word?"}],
)
print(follow.output_text, follow.previous_response_id == response.id)
print(follow.usage.input_tokens_details.cached_tokens, follow.usage.output_tokens_details.reasoning_tokens)
"""

TOOLS = """\
import json

import openai

client = openai.OpenAI()
tools = [{
    "type": "function",
    "name": "get_weather",
    "description": "Get current temperature for a given location.",
    "parameters": {
        "type": "object",
        "properties": {"location": {"type": "string", "description": "City and country e.g. Bogota, Colombia"}},
        "required": ["location"],
        "additionalProperties": False,
    },
    "strict": True,
}]


def get_weather(location):
    return {"location": location, "temperature_c": 14}


input_list = [{"role": "user", "content": "What is the weather like in Paris today?"}]
response = client.responses.create(model="gpt-4o", tools=tools, input=input_list, tool_choice="required")
input_list += response.output
for item in response.output:
    if item.type == "function_call":
        args = json.loads(item.arguments)
        print("call:", item.name, args)
        input_list.append({"type": "function_call_output", "call_id": item.call_id,
                           "output": json.dumps(get_weather(**args))})
response = client.responses.create(model="gpt-4o", instructions="Answer briefly.", tools=tools, input=input_list)
print(response.output_text)
print(len(input_list), response.usage.total_tokens)
"""

PARSE = """\
from pydantic import BaseModel

import openai


class CalendarEvent(BaseModel):
    name: str
    date: str
    participants: list[str]


client = openai.OpenAI()
response = client.responses.parse(
    model="gpt-4o-2024-08-06",
    input=[
        {"role": "system", "content": "Extract the event information."},
        {"role": "user", "content": "Alice and Bob are going to a science fair on Friday."},
    ],
    text_format=CalendarEvent,
)
event = response.output_parsed
print(type(event).__name__, event)
print(response.output_text)
print(type(response).__name__, response.output[0].type, response.output[0].content[0].type)
"""

BACKGROUND = """\
import time

import openai

client = openai.OpenAI()
response = client.responses.create(model="gpt-4o", input="Write a very long novel about otters.", background=True)
seen = [response.status]
while response.status in {"queued", "in_progress"}:
    time.sleep(0.1)
    response = client.responses.retrieve(response.id)
    if response.status != seen[-1]:
        seen.append(response.status)
print(seen[0], seen[-1])  # what is seen in between depends on the machine's speed
print(response.output_text)
other = client.responses.create(model="gpt-4o", input="Another one.", background=True)
print(client.responses.cancel(other.id).status)
"""

PROGRAMS = {"text": TEXT, "tools": TOOLS, "parse": PARSE, "background": BACKGROUND}


def _run(source: str) -> str:
    # A fake of its own per run: ids and answers start from the same state for both packages.
    with FakeOpenAI(response_time=0.5).serve() as server:
        env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8",
               "OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": "sk-compat-key"}
        done = subprocess.run([sys.executable, "-c", source], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_a_responses_program_prints_the_same_under_gptkit(name: str) -> None:
    source = PROGRAMS[name]
    assert "import openai\n" in source
    official = _run(source)
    ours = _run(source.replace("import openai\n", "import gptkit as openai  # was: import openai\n", 1))
    assert ours == official
    assert official.strip()  # the program printed something to compare
