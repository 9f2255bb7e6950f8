"""``Response.output`` and ``Response.tools`` load their members kind by kind (``LazyUnion``):
the result must be what the whole union gives, object for object and error for error.

The reference is ``Response`` with those two fields declared as the eager unions
(``ResponseOutputItem``, ``Tool``): same classes, same printing, same dumps, same errors at the
same locations, from Python data and from JSON.
"""

from __future__ import annotations

import json
import typing
from typing import Any

import httpx
import pydantic
import pytest

import gptkit
from gptkit.types._lazy_union import LazyUnion
from gptkit.types.responses.response import Response
from gptkit.types.responses.response_output_item import ResponseOutputItem
from gptkit.types.responses.tool import Tool

Eager = pydantic.create_model(  # the same model, its unions validated whole
    "Response", __base__=Response, __module__=Response.__module__,
    output=(list[ResponseOutputItem], []), tools=(list[Tool], []),
)

_MESSAGE = {"type": "message", "id": "msg_1", "status": "completed", "role": "assistant",
            "content": [{"type": "output_text", "text": "Paris.", "annotations": [], "logprobs": []}]}
_OUTPUTS: list[list[Any]] = [
    [_MESSAGE],
    [{"type": "reasoning", "id": "rs_1", "summary": [{"type": "summary_text", "text": "thinking"}]}, _MESSAGE],
    [{"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "f", "arguments": "{}"}],
    [{"type": "web_search_call", "id": "ws_1", "status": "completed", "action": {"type": "search", "query": "q"}}],
    [{"type": "file_search_call", "id": "fs_1", "status": "completed", "queries": ["q"], "results": None}],
    # Kinds not listed by the lazy union: validated by the whole union.
    [{"type": "mcp_call", "id": "mcp_1", "arguments": "{}", "name": "n", "server_label": "s", "output": "x"}],
    [{"type": "image_generation_call", "id": "ig_1", "status": "completed", "result": "aGk="}],
    [{"type": "brand_new_item", "id": "new_1", "extra": {"a": 1}}],
]
_TOOLS: list[list[Any]] = [
    [],
    [{"type": "function", "name": "f", "parameters": {"type": "object"}, "strict": True}],
    [{"type": "web_search", "search_context_size": "medium"}, {"type": "file_search", "vector_store_ids": ["vs"]}],
    [{"type": "web_search_preview"}, {"type": "mcp", "server_label": "s", "server_url": "https://x"}],
    [{"type": "code_interpreter", "container": {"type": "auto"}}, {"type": "tool_of_tomorrow", "x": 1}],
]
_BAD: list[dict[str, Any]] = [
    {"output": [{"type": "message", "id": "m", "role": "assistant", "status": "completed", "content": "text"}]},
    {"output": [_MESSAGE, {"type": "function_call", "call_id": 5, "name": "f", "arguments": "{}"}]},
    {"output": [{"type": "mcp_call", "id": "x", "arguments": 3}]},
    {"output": [5, "item"]},
    {"output": [{"id": "no_type"}]},
    {"output": {"type": "message"}},
    {"tools": [{"type": "function", "name": ["f"]}, {"type": "mcp", "server_label": 1}]},
    {"tools": [None]},
]


def _body(**fields: Any) -> dict[str, Any]:
    return {"id": "resp_1", "object": "response", "created_at": 1, "status": "completed", "model": "gpt-4o",
            "output": [], "tools": [], **fields}


def _same(ours: pydantic.BaseModel, theirs: pydantic.BaseModel) -> None:
    assert repr(ours) == repr(theirs) and str(ours) == str(theirs)
    assert ours.model_dump() == theirs.model_dump()
    assert ours.model_dump_json() == theirs.model_dump_json()
    assert ours.to_dict(mode="json") == theirs.to_dict(mode="json")  # type: ignore[attr-defined]
    for mine, other in zip([*ours.output, *ours.tools], [*theirs.output, *theirs.tools], strict=True):  # type: ignore[attr-defined]
        assert type(mine) is type(other)


@pytest.mark.parametrize("output", _OUTPUTS)
@pytest.mark.parametrize("tools", _TOOLS)
def test_the_same_objects_as_the_whole_union(output: list[Any], tools: list[Any]) -> None:
    body = _body(output=output, tools=tools)
    _same(Response.model_validate(body), Eager.model_validate(body))
    _same(Response.model_validate_json(json.dumps(body)), Eager.model_validate_json(json.dumps(body)))


def _errors(model: type[pydantic.BaseModel], body: dict[str, Any], *, as_json: bool) -> list[dict[str, Any]]:
    validate = model.model_validate_json if as_json else model.model_validate
    with pytest.raises(pydantic.ValidationError) as caught:
        validate(json.dumps(body) if as_json else body)
    return caught.value.errors(include_url=False)


@pytest.mark.parametrize("bad", _BAD)
@pytest.mark.parametrize("as_json", [False, True])
def test_the_same_errors_as_the_whole_union(bad: dict[str, Any], as_json: bool) -> None:
    ours = _errors(Response, _body(**bad), as_json=as_json)
    assert ours == _errors(Eager, _body(**bad), as_json=as_json)
    assert ours  # an error, with a location inside the item


def test_model_instances_and_copies_pass_as_with_the_whole_union() -> None:
    first = Response.model_validate(_body(output=_OUTPUTS[1], tools=_TOOLS[2]))
    again = Response(**{**first.__dict__})
    assert again.output[0] is first.output[0] and again == first
    assert first.model_copy(deep=True) == first
    assert Response.model_validate(first.model_dump()) == first


def test_the_json_schema_is_the_whole_unions() -> None:
    ours, theirs = Response.model_json_schema(), Eager.model_json_schema()
    assert ours.pop("description").startswith("A model response")  # the reference has no docstring
    assert json.dumps(ours, sort_keys=True) == json.dumps(theirs, sort_keys=True)


def _members(union: Any) -> dict[str, type[Any]]:
    """tag -> model of an eager union ``Annotated[A | B | ..., discriminator]``."""
    found = {}
    for member in typing.get_args(typing.get_args(union)[0]):
        model, *meta = typing.get_args(member)
        found.update({m.tag: model for m in meta if isinstance(getattr(m, "tag", None), str)})
    return found


@pytest.mark.parametrize("field", ["output", "tools"])
def test_each_listed_member_is_the_unions_member_for_its_type(field: str) -> None:
    (lazy,) = [m for m in typing.get_args(typing.get_args(Response.model_fields[field].annotation)[0])
               if isinstance(m, LazyUnion)]
    whole = _members(lazy.union())
    assert lazy.members  # the common kinds load on their own
    for tag in lazy.members:
        module, _, name = lazy.members[tag].partition(":")
        assert whole[tag] is getattr(__import__(module, fromlist=[name]), name), tag


def test_a_response_over_the_transport_is_the_same() -> None:
    body = _body(output=[*_OUTPUTS[1], *_OUTPUTS[5], *_OUTPUTS[7]], tools=_TOOLS[4],
                 usage={"input_tokens": 3, "output_tokens": 4, "total_tokens": 7})
    client = gptkit.Client(api_key="sk-test", transport=httpx.MockTransport(lambda _: httpx.Response(200, json=body)))
    response = client.responses.create(model="gpt-4o", input="hi")
    _same(response, Eager.model_validate(body))
    assert response.output_text == "Paris."
    bad = _body(output=_BAD[0]["output"])
    client = gptkit.Client(api_key="sk-test", max_retries=0,
                           transport=httpx.MockTransport(lambda _: httpx.Response(200, json=bad)))
    with pytest.raises(gptkit.APIResponseValidationError):
        client.responses.create(model="gpt-4o", input="hi")
