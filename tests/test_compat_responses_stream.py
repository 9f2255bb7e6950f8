"""Programs streaming the Responses API print the same under the official package and gptkit.

Each program is written for the official package; it runs once with ``import openai`` and once
with ``import gptkit as openai``, in a subprocess, against the same fake server over a socket, and
the two outputs must be identical (and not empty).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from gptkit.testing import FakeOpenAI

IMPORT = {"openai": "import openai", "gptkit": "import gptkit as openai"}

CREATE_STREAM = """
client = openai.OpenAI()
stream = client.responses.create(model="gpt-4o", input="Tell me about the sea", stream=True)
for event in stream:
    if event.type == "response.output_text.delta":
        print(event.sequence_number, repr(event.delta), event.item_id == "", event.output_index)
    else:
        print(event.sequence_number, event.type, type(event).__name__)
"""

HELPER = """
client = openai.OpenAI()
with client.responses.stream(model="gpt-4o", input="Tell me about rivers",
                             instructions="Be brief.", max_output_tokens=50) as stream:
    for event in stream:
        if event.type == "response.output_text.delta":
            print(repr(event.delta), repr(event.snapshot))
        elif event.type in ("response.created", "response.completed"):
            print(event.type, event.response.status, event.response.model, event.response.instructions)
        else:
            print(event.type)
    final = stream.get_final_response()
print(final.output_text)
print(final.status, final.usage.input_tokens, final.usage.output_tokens, final.usage.total_tokens)
print([item.type for item in final.output], final.output[0].content[0].type)
"""

ASYNC_HELPER = """
import asyncio

async def main():
    client = openai.AsyncOpenAI()
    async with client.responses.stream(model="gpt-4o", input="Say hi") as stream:
        async for event in stream:
            if event.type == "response.output_text.done":
                print("done:", event.text)
            elif event.type == "response.output_text.delta":
                print(event.snapshot)
        final = await stream.get_final_response()
    print(final.output_text, final.status)
    stream = await client.responses.create(model="gpt-4o", input="Once more", stream=True)
    print([event.type async for event in stream][-3:])

asyncio.run(main())
"""

BACKGROUND = """
client = openai.OpenAI()
job = client.responses.create(model="gpt-4o", input="A background job", background=True)
print(job.status)
with client.responses.stream(response_id=job.id, starting_after=3) as stream:
    for event in stream:
        print(event.sequence_number, event.type)
    print(stream.get_final_response().output_text)
again = client.responses.retrieve(job.id, stream=True, starting_after=6)
print([event.sequence_number for event in again])
"""


def _run(package: str, program: str, base_url: str) -> str:
    env = {**os.environ, "OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": "sk-compat-test"}
    code = IMPORT[package] + "\n" + textwrap.dedent(program)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize("program", [CREATE_STREAM, HELPER, ASYNC_HELPER, BACKGROUND],
                         ids=["create", "helper", "async", "background"])
def test_responses_stream_programs_print_the_same(program: str) -> None:
    with FakeOpenAI(response_time=None).serve() as server:
        official = _run("openai", program, server.base_url)
    with FakeOpenAI(response_time=None).serve() as server:  # the same ids and answers for both
        ours = _run("gptkit", program, server.base_url)
    assert official.count("\n") >= 3
    assert ours == official
