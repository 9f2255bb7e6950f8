"""``responses.create`` parameters: every spec parameter accepted, bad values named before I/O."""

from __future__ import annotations

from typing import Any

import pytest

from gptkit import InvalidParameterError
from gptkit._responses._validate import ResponsesParamValidator
from gptkit.types.responses import Response
from gptkit.types.responses.input_item_list_params import InputItemListParams
from gptkit.types.responses.input_token_count_params import InputTokenCountParams
from gptkit.types.responses.response_create_params import ResponseCreateParams
from tests.responses_helpers import response_body

CREATE = ResponsesParamValidator(ResponseCreateParams, "responses.create")

EVERY_PARAMETER: dict[str, Any] = {
    "model": "gpt-4.1",
    "input": [
        {"role": "developer", "content": "Answer briefly."},
        {"role": "user", "content": [
            {"type": "input_text", "text": "What is in this image and this file?"},
            {"type": "input_image", "image_url": "https://example.com/cat.png", "detail": "auto"},
            {"type": "input_file", "file_id": "file-abc"},
            {"type": "input_file", "filename": "a.pdf", "file_data": "data:application/pdf;base64,AAA="},
        ]},
        {"type": "message", "role": "assistant", "id": "msg_0", "status": "completed",
         "content": [{"type": "output_text", "text": "Earlier answer.", "annotations": []}]},
        {"type": "function_call", "call_id": "call_1", "name": "get_weather", "arguments": '{"city":"Paris"}'},
        {"type": "function_call_output", "call_id": "call_1", "output": '{"temp": 21}'},
        {"type": "item_reference", "id": "rs_9"},
    ],
    "instructions": "You are terse.",
    "tools": [
        {"type": "function", "name": "get_weather", "description": "Weather in a city",
         "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
                        "additionalProperties": False}, "strict": True},
        {"type": "web_search", "search_context_size": "low"},
        {"type": "file_search", "vector_store_ids": ["vs_1"], "max_num_results": 5},
        {"type": "code_interpreter", "container": {"type": "auto"}},
        {"type": "image_generation", "quality": "low"},
        {"type": "mcp", "server_label": "deepwiki", "server_url": "https://mcp.deepwiki.com/mcp",
         "require_approval": "never"},
        {"type": "computer_use_preview", "display_width": 1024, "display_height": 768, "environment": "browser"},
        {"type": "custom", "name": "code_exec", "description": "Runs code"},
    ],
    "tool_choice": {"type": "function", "name": "get_weather"},
    "parallel_tool_calls": False,
    "max_tool_calls": 3,
    "text": {"format": {"type": "json_schema", "name": "answer", "strict": True,
                        "schema": {"type": "object", "properties": {"a": {"type": "string"}}}},
             "verbosity": "low"},
    "reasoning": {"effort": "low", "summary": "auto"},
    "max_output_tokens": 500,
    "temperature": 0.2,
    "top_p": 0.9,
    "top_logprobs": 2,
    "previous_response_id": None,
    "conversation": {"id": "conv_1"},
    "store": True,
    "background": False,
    "include": ["reasoning.encrypted_content", "message.output_text.logprobs"],
    "truncation": "auto",
    "metadata": {"user": "42"},
    "service_tier": "flex",
    "prompt": {"id": "pmpt_1", "version": "2", "variables": {"city": "Paris"}},
    "prompt_cache_key": "k",
    "prompt_cache_retention": "24h",
    "safety_identifier": "user-hash",
    "user": "u",
    "stream": True,
    "stream_options": {"include_obfuscation": False},
    "context_management": [{"type": "compaction", "compact_threshold": 200000}],
}


def test_every_parameter_of_the_spec_is_accepted_and_sent_as_given() -> None:
    body = CREATE.validate(EVERY_PARAMETER)
    assert body == EVERY_PARAMETER


@pytest.mark.parametrize("choice", ["none", "auto", "required", {"type": "web_search_preview"},
                                    {"type": "mcp", "server_label": "x"},
                                    {"type": "allowed_tools", "mode": "auto", "tools": [{"type": "function",
                                                                                         "name": "f"}]}])
def test_tool_choice_forms(choice: Any) -> None:
    assert CREATE.validate({"model": "m", "input": "hi", "tool_choice": choice})["tool_choice"] == choice


@pytest.mark.parametrize("conversation", ["conv_1", {"id": "conv_1"}])
def test_conversation_forms(conversation: Any) -> None:
    assert CREATE.validate({"model": "m", "conversation": conversation})["conversation"] == conversation


def test_output_items_of_a_response_go_back_as_input() -> None:
    previous = Response.model_validate(response_body([
        {"type": "reasoning", "id": "rs_1", "summary": [], "encrypted_content": "gAAA"},
        {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "f", "arguments": "{}",
         "status": "completed"},
    ]))
    body = CREATE.validate({"model": "m", "input": [
        {"role": "user", "content": "go"}, *previous.output,
        {"type": "function_call_output", "call_id": "call_1", "output": "done"}]})
    assert body["input"][1:3] == [
        {"type": "reasoning", "id": "rs_1", "summary": [], "encrypted_content": "gAAA"},
        {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "f", "arguments": "{}",
         "status": "completed"},
    ]


def test_kinds_newer_than_gptkit_are_sent_as_they_are() -> None:
    items = [{"type": "hologram_output", "call_id": "c", "frames": [1, 2]}]
    tools = [{"type": "teleport", "range_km": 5}]
    body = CREATE.validate({"model": "m", "input": items, "tools": tools,
                            "text": {"format": {"type": "yaml"}}, "tool_choice": {"type": "teleport"}})
    assert body["input"] == items and body["tools"] == tools
    assert body["text"] == {"format": {"type": "yaml"}}


@pytest.mark.parametrize(("params", "param", "fragment"), [
    ({"model": "m", "temprature": 1}, "temprature", "is not a parameter of this call"),
    ({"model": "m", "max_output_tokens": 8}, "max_output_tokens", "greater than or equal to 16"),
    ({"model": "m", "temperature": 2.5}, "temperature", "less than or equal to 2"),
    ({"model": "m", "top_p": -0.1}, "top_p", "greater than or equal to 0"),
    ({"model": "m", "top_logprobs": 21}, "top_logprobs", "less than or equal to 20"),
    ({"model": ""}, "model", "at least 1 character"),
    ({"model": "m", "input": 42}, "input", "valid"),
    ({"model": "m", "input": [{"role": "robot", "content": "x"}]}, "input.0.role", "'user', 'assistant'"),
    ({"model": "m", "input": [{"role": "user", "content": [{"type": "input_text"}]}]},
     "input.0.content.0.text", "is required"),
    ({"model": "m", "input": [{"type": "function_call_output", "output": "x"}]}, "input.0.call_id", "is required"),
    ({"model": "m", "input": [{"type": "function_call", "call_id": "c", "name": "f", "arguments": {"a": 1}}]},
     "input.0.arguments", "valid string"),
    ({"model": "m", "tools": [{"type": "function", "parameters": {}}]}, "tools.0.name", "is required"),
    ({"model": "m", "tools": [{"type": "file_search"}]}, "tools.0.vector_store_ids", "is required"),
    ({"model": "m", "tools": [{"type": "mcp", "server_url": "https://x"}]}, "tools.0.server_label", "is required"),
    ({"model": "m", "tool_choice": "sometimes"}, "tool_choice", "'none', 'auto' or 'required'"),
    ({"model": "m", "tool_choice": {"type": "function"}}, "tool_choice.name", "is required"),
    ({"model": "m", "text": {"format": {"type": "json_schema", "schema": {}}}}, "text.format.name", "is required"),
    ({"model": "m", "text": {"format": {"type": "json_schema", "name": "has space", "schema": {}}}},
     "text.format.name", "pattern"),
    ({"model": "m", "text": {"verbosity": "chatty"}}, "text.verbosity", "'low', 'medium' or 'high'"),
    ({"model": "m", "truncation": "sometimes"}, "truncation", "'auto' or 'disabled'"),
    ({"model": "m", "metadata": {f"k{i}": "v" for i in range(17)}}, "metadata", "at most 16"),
    ({"model": "m", "metadata": {"k": "v" * 513}}, "metadata.k", "at most 512"),
    ({"model": "m", "metadata": {"k": 1}}, "metadata.k", "valid string"),
    ({"model": "m", "safety_identifier": "x" * 65}, "safety_identifier", "at most 64"),
    ({"model": "m", "store": "yes please"}, "store", "valid boolean"),
    ({"model": "m", "include": "reasoning.encrypted_content"}, "include", "valid"),
    ({"model": "m", "conversation": {"name": "x"}}, "conversation.id", "is required"),
    ({"model": "m", "context_management": []}, "context_management", "at least 1 item"),
    ({"model": "m", "prompt": {"version": "1"}}, "prompt.id", "is required"),
])
def test_bad_values_raise_naming_the_parameter(params: dict[str, Any], param: str, fragment: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        CREATE.validate(params)
    assert info.value.param == param
    assert f"'{param}'" in str(info.value) and fragment in str(info.value)
    assert str(info.value).startswith("Invalid parameter for responses.create: ")


def test_input_tokens_and_input_items_parameters() -> None:
    count = ResponsesParamValidator(InputTokenCountParams, "responses.input_tokens.count")
    assert count.validate({"model": "m", "input": "hi", "instructions": "x"}) == {
        "model": "m", "input": "hi", "instructions": "x"}
    with pytest.raises(InvalidParameterError, match="'stream' is not a parameter"):
        count.validate({"model": "m", "stream": True})
    items = ResponsesParamValidator(InputItemListParams, "responses.input_items.list")
    assert items.validate({"limit": 100, "order": "asc"}) == {"limit": 100, "order": "asc"}
    with pytest.raises(InvalidParameterError) as info:
        items.validate({"limit": 101})
    assert info.value.param == "limit"
