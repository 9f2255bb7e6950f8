"""The Responses output items and tools added with tool search and programmatic tool calling
(``program``, ``tool_search_call``, ``additional_tools``, ``configuration_update``...; the
``shell``, ``namespace`` and ``tool_search`` tools) read as their official classes and print
exactly as the official package prints them, over the transport seam."""

from __future__ import annotations

from typing import Any

import openai
import pytest

import gptkit

from .printing_responses import _response
from .test_types_printing import _call, _forms

_FUNCTION = {"type": "function", "name": "lookup", "parameters": {"type": "object", "properties": {}},
             "strict": True, "defer_loading": True, "description": None}
_TOOLS = [
    {"type": "shell", "allowed_callers": ["direct"], "environment": {
        "type": "container_auto", "file_ids": ["file-1"], "memory_limit": "4g",
        "network_policy": {"type": "allowlist", "allowed_domains": ["example.com"]},
        "skills": [{"type": "skill_reference", "skill_id": "sk_1", "version": "2"},
                   {"type": "inline", "name": "zip", "description": "unzips",
                    "source": {"type": "base64", "media_type": "application/zip", "data": "UEsDBA=="}}]}},
    {"type": "shell", "environment": {"type": "local", "skills": [
        {"name": "grep", "description": "search files", "path": "/skills/grep"}]}},
    {"type": "shell", "environment": {"type": "container_reference", "container_id": "cntr_1"}},
    {"type": "namespace", "name": "crm", "description": "Customer records", "tools": [
        {"type": "function", "name": "find", "async": True, "parameters": {"type": "object"}, "strict": False},
        {"type": "custom", "name": "sql", "description": "SQL"}]},
    {"type": "tool_search", "execution": "server", "description": "find tools"},
]
_OUTPUT = [
    {"type": "tool_search_call", "id": "ts_1", "call_id": None, "execution": "server", "status": "completed",
     "arguments": {"query": "weather"}, "created_by": "resp_1"},
    {"type": "tool_search_output", "id": "tso_1", "call_id": None, "execution": "server", "status": "completed",
     "tools": [_FUNCTION, {"type": "tool_search"}]},
    {"type": "program", "id": "prg_1", "call_id": "call_p", "code": "await tools.lookup({})",
     "fingerprint": "fp_1"},
    {"type": "program_output", "id": "prgo_1", "call_id": "call_p", "result": "42", "status": "completed"},
    {"type": "additional_tools", "id": "at_1", "role": "developer", "tools": [_FUNCTION]},
]
RESPONSE = _response(tools=_TOOLS, output=_OUTPUT)
ITEMS = {"object": "list", "first_id": "cu_1", "last_id": "ts_1", "has_more": False, "data": [
    {"type": "configuration_update", "id": "cu_1", "reasoning": {"effort": "low"},
     "text": {"format": {"type": "json_schema", "name": "w", "schema": {"type": "object"}, "strict": True}}},
    {"type": "configuration_update", "id": "cu_2", "text": {"format": {"type": "text"}}},
    *_OUTPUT,
]}

CASES: dict[str, tuple[Any, Any]] = {
    "response": (RESPONSE, lambda c: c.responses.retrieve("resp_1")),
    **{f"tool {i}": (RESPONSE, lambda c, i=i: c.responses.retrieve("resp_1").tools[i]) for i in range(len(_TOOLS))},
    **{f"output {i}": (RESPONSE, lambda c, i=i: c.responses.retrieve("resp_1").output[i])
       for i in range(len(_OUTPUT))},
    **{f"listed item {i}": (ITEMS, lambda c, i=i: c.responses.input_items.list("resp_1").data[i])
       for i in range(len(ITEMS["data"]))},
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_new_items_and_tools_print_as_the_official_ones(case: str) -> None:
    body, call = CASES[case]
    theirs, ours = call_both(body, call)
    assert type(ours).__name__ == type(theirs).__name__
    assert _forms(ours) == _forms(theirs)


def call_both(body: Any, call: Any) -> tuple[Any, Any]:
    return _call(openai, body, call), _call(gptkit, body, call)


def test_the_new_items_are_typed_not_unknown() -> None:
    response = _call(gptkit, RESPONSE, CASES["response"][1])
    assert [type(item).__name__ for item in response.output] == [
        "ResponseToolSearchCall", "ResponseToolSearchOutputItem", "Program", "ProgramOutput", "AdditionalTools"]
    assert [type(tool).__name__ for tool in response.tools] == [
        "FunctionShellTool", "FunctionShellTool", "FunctionShellTool", "NamespaceTool", "ToolSearchTool"]
    assert [type(env).__name__ for env in (t.environment for t in response.tools[:3])] == [
        "ContainerAuto", "LocalEnvironment", "ContainerReference"]
    assert response.tools[0].environment.skills[1].source.data == "UEsDBA=="
    assert response.tools[3].tools[0].async_ is True
    assert response.output[1].tools[0].defer_loading is True
    assert response.output[2].fingerprint == "fp_1"


def test_an_unknown_environment_keeps_its_fields() -> None:
    body = _response(tools=[{"type": "shell", "environment": {"type": "vm", "image": "ubuntu"}}])
    tool = _call(gptkit, body, CASES["response"][1]).tools[0]
    assert tool.environment.type == "vm" and tool.environment.to_dict() == {"type": "vm", "image": "ubuntu"}
