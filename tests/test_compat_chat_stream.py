"""Programs that read ``chat.completions.stream(...)`` events print the same under both packages.

Each program is written for the official package; it runs once with ``import openai`` and once
with ``import gptkit as openai``, in a subprocess, against the same fake server, and the two
outputs must be identical (and not empty: the programs print what they saw).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from gptkit.testing import FakeOpenAI

IMPORT = {"openai": "import openai", "gptkit": "import gptkit as openai"}

TEXT_EVENTS = """
client = openai.OpenAI()
with client.chat.completions.stream(
    model="gpt-4o", messages=[{"role": "user", "content": "Tell me a story"}]
) as stream:
    for event in stream:
        if event.type == "content.delta":
            print(event.delta, end="|", flush=True)
        elif event.type == "content.done":
            print()
            print("done:", event.content, event.parsed)
        elif event.type == "chunk":
            print("chunk", len(event.chunk.choices), repr(event.snapshot.choices[0].message.content))
    final = stream.get_final_completion()
print(final.choices[0].message.content, final.choices[0].message.parsed)
print(stream.current_completion_snapshot.choices[0].finish_reason)
"""

TOOL_EVENTS = """
tools = [{"type": "function", "function": {"name": "get_weather", "strict": True, "parameters": {
    "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
    "additionalProperties": False}}}]
client = openai.OpenAI()
with client.beta.chat.completions.stream(
    model="gpt-4o", messages=[{"role": "user", "content": "Weather in Oslo?"}], tools=tools
) as stream:
    for event in stream:
        if event.type == "tool_calls.function.arguments.delta":
            print("delta", event.index, event.name, repr(event.arguments_delta), event.parsed_arguments)
        elif event.type == "tool_calls.function.arguments.done":
            print("done", event.index, event.name, event.arguments, event.parsed_arguments)
        elif event.type != "chunk":
            print(event.type)
    message = stream.get_final_completion().choices[0].message
print([call.function.parsed_arguments for call in message.tool_calls])
"""

ASYNC_TEXT = """
import asyncio

async def main():
    client = openai.AsyncOpenAI()
    async with client.chat.completions.stream(
        model="gpt-4o", messages=[{"role": "user", "content": "Say hi"}]
    ) as stream:
        async for event in stream:
            if event.type == "content.delta":
                print(repr(event), flush=True)
            elif event.type == "content.done":
                print(event)
        final = await stream.get_final_completion()
    print(final.choices[0].message.content)

asyncio.run(main())
"""


def _run(package: str, program: str, base_url: str) -> str:
    env = {**os.environ, "OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": "sk-compat-test"}
    code = IMPORT[package] + "\n" + textwrap.dedent(program)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize(("program", "answer"), [
    (TEXT_EVENTS, {"content": "Once upon a time, a fox met a crow."}),
    (TOOL_EVENTS, {"content": None, "tool_calls": [{"name": "get_weather", "arguments": {"city": "Oslo"}},
                                                   {"name": "get_weather", "arguments": {"city": "Bergen"}}]}),
    (ASYNC_TEXT, {"content": "Hi there!"}),
], ids=["text", "tools", "async"])
def test_event_programs_print_the_same(program: str, answer: dict[str, object]) -> None:
    fake = FakeOpenAI()
    fake.respond(answer["content"], tool_calls=answer.get("tool_calls", ()), times=None)  # type: ignore[arg-type]
    with fake.serve() as server:
        official = _run("openai", program, server.base_url)
        ours = _run("gptkit", program, server.base_url)
    assert official.count("\n") >= 3
    assert ours == official
