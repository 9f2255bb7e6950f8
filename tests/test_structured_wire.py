"""The strict schemas gptkit sends are the official package's: the same calls, made with ``openai``
and with gptkit against a served ``FakeOpenAI``, send the same ``response_format`` / ``text`` /
``tools`` (the schemas key for key and in order; the envelope's keys follow each package's
parameter types, so it is compared as JSON)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import openai
import pytest
from pydantic import BaseModel

import gptkit
from gptkit.testing import FakeOpenAI
from tests import schema_models

MSGS = [{"role": "user", "content": "Extract it."}]
#: The model the program asks for, and the tools it offers (nested, recursive, described, defaults).
FORMATS = [schema_models.Order, schema_models.Described, schema_models.Person, schema_models.Owner]
TOOLS = [schema_models.GetWeather, schema_models.Defaults, schema_models.Node]

Program = Callable[[Any, type[BaseModel]], None]


def chat_parse(lib: Any, model: type[BaseModel]) -> None:
    client = lib.OpenAI()
    tools = [lib.pydantic_function_tool(tool) for tool in TOOLS]
    client.chat.completions.parse(model="gpt-4o", messages=MSGS, response_format=model, tools=tools)


def chat_stream(lib: Any, model: type[BaseModel]) -> None:
    client = lib.OpenAI()
    tool = lib.pydantic_function_tool(schema_models.GetWeather, name="weather", description="Weather now.")
    with client.chat.completions.stream(model="gpt-4o", messages=MSGS, response_format=model,
                                        tools=[tool]) as stream:
        stream.get_final_completion()


def responses_parse(lib: Any, model: type[BaseModel]) -> None:
    client = lib.OpenAI()
    tools = [lib.pydantic_responses_function_tool(tool) for tool in TOOLS]
    client.responses.parse(model="gpt-4o", input="Extract it.", text_format=model, tools=tools)


def responses_stream(lib: Any, model: type[BaseModel]) -> None:
    client = lib.OpenAI()
    with client.responses.stream(model="gpt-4o", input="Extract it.", text_format=model,
                                 tools=[lib.pydantic_responses_function_tool(schema_models.Node)]) as stream:
        stream.get_final_response()


def sent(lib: Any, program: Program, model: type[BaseModel], monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    fake = FakeOpenAI()
    with fake.serve() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-structured-wire")
        program(lib, model)
    return [request.body for request in fake.requests]


def schemas(body: Any) -> Iterator[Any]:
    """The schemas a body carries: response_format / text.format schema, tools' parameters."""
    response_format = body.get("response_format") or {}
    yield (response_format.get("json_schema") or {}).get("schema")
    yield ((body.get("text") or {}).get("format") or {}).get("schema")
    for tool in body.get("tools") or []:
        yield (tool.get("function") or tool).get("parameters")


@pytest.mark.parametrize("program", [chat_parse, chat_stream, responses_parse, responses_stream],
                         ids=lambda p: p.__name__)
@pytest.mark.parametrize("model", FORMATS, ids=lambda m: m.__name__)
def test_the_same_schemas_reach_the_server(program: Program, model: type[BaseModel],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    official = sent(openai, program, model, monkeypatch)
    ours = sent(gptkit, program, model, monkeypatch)
    assert len(ours) == len(official) == 1
    theirs, mine = official[0], ours[0]
    if model is schema_models.Owner:
        # The one difference: a discriminated union's "oneOf", which the API refuses, is "anyOf".
        theirs = json.loads(json.dumps(theirs).replace('"oneOf"', '"anyOf"'))
    for key in ("response_format", "text", "tools"):
        assert json.dumps(mine.get(key), sort_keys=True) == json.dumps(theirs.get(key), sort_keys=True), key
    pairs = list(zip(schemas(mine), schemas(theirs), strict=True))
    assert sum(schema is not None for schema, _ in pairs) >= 2
    for schema, reference in pairs:
        assert json.dumps(schema) == json.dumps(reference)  # key order too: it is what the model reads
