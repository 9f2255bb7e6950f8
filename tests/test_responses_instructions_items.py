"""``Response.instructions`` given as a list of input items (as a stored prompt's response shows
them): typed as the official ``ResponseInputItem`` union, and printed as the official package
prints it; a list with an item no member accepts stays as sent, as the official package keeps it.
Both packages read the same answer from a served ``FakeOpenAI``."""

from __future__ import annotations

from typing import Any

import openai
import pytest

import gptkit
from gptkit.testing import FakeOpenAI

BODY = {"id": "resp_1", "object": "response", "created_at": 1700000000, "status": "completed", "model": "gpt-4o",
        "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
        "usage": {"input_tokens": 8, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 2,
                  "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 10}}
CASES = {
    "messages": [
        {"type": "message", "role": "developer", "content": "Be brief."},
        {"type": "message", "role": "system", "content": [{"type": "input_text", "text": "Answer in French."}]},
        {"role": "user", "content": "no type"},
        {"type": "message", "role": "user", "status": "completed",
         "content": [{"type": "input_image", "image_url": "https://x/cat.png", "detail": "auto"}]},
        {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
         "content": [{"type": "output_text", "text": "Bonjour", "annotations": []}]},
    ],
    "calls": [
        {"type": "function_call", "call_id": "c1", "name": "lookup", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "c1", "output": [{"type": "input_text", "text": "42"}]},
        {"type": "shell_call", "call_id": "s1", "action": {"commands": ["ls"]}, "status": "completed"},
        {"type": "shell_call_output", "call_id": "s1", "output": [
            {"stdout": "a\n", "stderr": "", "outcome": {"type": "exit", "exit_code": 0}}]},
        {"type": "apply_patch_call", "call_id": "a1", "status": "completed",
         "operation": {"type": "delete_file", "path": "old.txt"}},
        {"type": "apply_patch_call_output", "call_id": "a1", "status": "completed"},
        {"type": "custom_tool_call_output", "call_id": "t1", "output": "done"},
        {"type": "computer_call_output", "call_id": "k1",
         "output": {"type": "computer_screenshot", "image_url": "https://x/s.png"}},
    ],
    "others": [
        {"type": "item_reference", "id": "msg_0"},
        {"type": "reasoning", "id": "rs_1", "summary": []},
        {"type": "compaction", "encrypted_content": "enc"},
        {"type": "compaction_trigger"},
        {"type": "mcp_approval_response", "approval_request_id": "ar_1", "approve": True},
        {"type": "configuration_update", "reasoning": {"effort": "low"}},
        {"type": "tool_search_call", "arguments": {"query": "weather"}, "execution": "client"},
    ],
    "unknown_item": [{"type": "message", "role": "developer", "content": "Be brief."},
                     {"type": "brand_new_item", "payload": 1}],
}


def _read(lib: Any, instructions: list[Any]) -> Any:
    fake = FakeOpenAI()
    fake.respond(body={**BODY, "instructions": instructions}, path="/responses", times=None)
    with fake.serve() as server:
        client = lib.OpenAI(api_key="sk-test", base_url=server.base_url, max_retries=0)
        first = client.responses.create(model="gpt-4o", input="hi")
        return first, client.responses.create(model="gpt-4o", input="again")


@pytest.mark.parametrize("case", sorted(CASES))
def test_list_instructions_print_as_the_official_ones(case: str) -> None:
    ours = _read(gptkit, CASES[case])
    theirs = _read(openai, CASES[case])
    for mine, official in zip(ours, theirs, strict=True):
        assert repr(mine) == repr(official)
        assert repr(mine.instructions) == repr(official.instructions)
        assert mine.to_json() == official.to_json()
        assert [type(item).__name__ for item in mine.instructions] == [
            type(item).__name__ for item in official.instructions]


def test_items_are_typed() -> None:
    response, _ = _read(gptkit, CASES["messages"] + CASES["calls"])
    names = [type(item).__name__ for item in response.instructions]
    assert names[:5] == ["EasyInputMessage", "EasyInputMessage", "EasyInputMessage", "Message",
                         "ResponseOutputMessage"]
    assert names[5:] == ["ResponseFunctionToolCall", "FunctionCallOutput", "ShellCall", "ShellCallOutput",
                         "ApplyPatchCall", "ApplyPatchCallOutput", "ResponseCustomToolCallOutput",
                         "ComputerCallOutput"]
    assert response.instructions[6].output[0].text == "42"
    assert response.instructions[8].output[0].outcome.exit_code == 0
    unknown, _ = _read(gptkit, CASES["unknown_item"])
    assert unknown.instructions == CASES["unknown_item"]  # kept as sent, as the official package does


def test_string_instructions_stay_a_string() -> None:
    response, _ = _read(gptkit, [])
    assert response.instructions == []
    fake = FakeOpenAI()
    with fake.serve() as server:
        client = gptkit.OpenAI(api_key="sk-test", base_url=server.base_url)
        assert client.responses.create(model="gpt-4o", input="hi", instructions="Be brief.").instructions == (
            "Be brief.")
