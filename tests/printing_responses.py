"""Responses API objects, and list pages, whose printed and serialised forms must equal the
official package's (tests/test_types_printing.py runs them): a response that used tools and
structured output, a failed one, a conversation message, listed input items, pages of a list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["RESPONSES_CASES"]

_USAGE = {
    "input_tokens": 120, "input_tokens_details": {"cached_tokens": 64, "cache_write_tokens": 0},
    "output_tokens": 80, "output_tokens_details": {"reasoning_tokens": 32}, "total_tokens": 200,
}


def _response(**fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "resp_1", "object": "response", "created_at": 1_700_000_000, "status": "completed",
        "background": False, "error": None, "incomplete_details": None, "instructions": "Be brief.",
        "max_output_tokens": None, "model": "gpt-4o-2024-08-06", "output": [], "parallel_tool_calls": True,
        "previous_response_id": None, "reasoning": {"effort": None, "summary": None}, "store": True,
        "temperature": 1.0, "text": {"format": {"type": "text"}, "verbosity": "medium"},
        "tool_choice": "auto", "tools": [], "top_p": 1.0, "truncation": "disabled", "usage": _USAGE,
        "user": None, "metadata": {},
    }
    body.update(fields)
    return body


TOOLS_RESPONSE = _response(
    tool_choice={"type": "function", "name": "get_weather"},
    prompt={"id": "pmpt_1", "version": "2", "variables": {
        "city": "Paris", "photo": {"type": "input_image", "detail": "auto", "image_url": "https://example.com/p.png"}}},
    text={"format": {"type": "json_schema", "name": "weather", "strict": True,
                     "schema": {"type": "object", "properties": {"city": {"type": "string"}}}},
          "verbosity": "low"},
    tools=[
        {"type": "function", "name": "get_weather", "description": "Weather of a city", "strict": True,
         "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}},
        {"type": "web_search", "filters": {"allowed_domains": ["example.com"]}, "search_context_size": "medium",
         "user_location": {"type": "approximate", "city": "Paris", "country": "FR", "region": None,
                           "timezone": None}},
        {"type": "file_search", "vector_store_ids": ["vs_1"], "max_num_results": 5,
         "filters": {"type": "eq", "key": "lang", "value": "fr"},
         "ranking_options": {"ranker": "auto", "score_threshold": 0.5}},
        {"type": "code_interpreter", "container": {"type": "auto", "file_ids": ["file-1"]}},
        {"type": "mcp", "server_label": "deepwiki", "server_url": "https://mcp.example.com",
         "allowed_tools": ["ask"], "require_approval": "never", "headers": None},
        {"type": "custom", "name": "sql", "description": "Run SQL",
         "format": {"type": "grammar", "syntax": "lark", "definition": "start: /.+/"}},
        {"type": "apply_patch"},
        {"type": "image_generation", "model": "gpt-image-1", "quality": "low", "size": "auto",
         "output_format": "png", "background": "auto", "partial_images": 0, "moderation": "auto"},
    ],
    output=[
        {"type": "reasoning", "id": "rs_1", "summary": [{"type": "summary_text", "text": "Think."}]},
        {"type": "web_search_call", "id": "ws_1", "status": "completed",
         "action": {"type": "search", "query": "weather paris"}},
        {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "get_weather",
         "arguments": "{\"city\":\"Paris\"}", "status": "completed"},
        {"type": "mcp_call", "id": "mcp_1", "server_label": "deepwiki", "name": "ask", "arguments": "{}",
         "output": None, "error": {"type": "http_error", "code": 502, "message": "Bad gateway"}},
        {"type": "apply_patch_call", "id": "apc_1", "call_id": "call_2", "status": "completed",
         "operation": {"type": "update_file", "path": "a.py", "diff": "@@ -1 +1 @@"}},
        {"type": "shell_call", "id": "sh_1", "call_id": "call_3", "status": "completed",
         "action": {"commands": ["ls"], "timeout_ms": 1000}, "environment": {"type": "local"}},
        {"type": "shell_call_output", "id": "sho_1", "call_id": "call_3", "status": "completed",
         "output": [{"stdout": "a.py\n", "stderr": "", "outcome": {"type": "exit", "exit_code": 0}}]},
        {"type": "compaction", "id": "cmp_1", "encrypted_content": "gAAA"},
        {"type": "computer_call", "id": "cu_1", "call_id": "call_5", "status": "completed",
         "pending_safety_checks": [], "action": {"type": "click", "button": "left", "x": 1, "y": 2},
         "actions": [{"type": "drag", "path": [{"x": 1, "y": 2}]}, {"type": "keypress", "keys": ["CTRL", "C"]}]},
        {"type": "custom_tool_call_output", "id": "cto_1", "call_id": "call_4", "output": "1 row",
         "status": "completed"},
        {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed", "content": [
            {"type": "output_text", "text": "{\"city\":\"Paris\"}", "logprobs": [], "annotations": [
                {"type": "url_citation", "url": "https://example.com", "title": "Ex", "start_index": 0,
                 "end_index": 4}]}]},
    ],
)
FAILED_RESPONSE = _response(
    status="failed", usage=None, output=[],
    error={"code": "server_error", "message": "The model crashed."},
)
INPUT_ITEMS = {
    "object": "list", "first_id": "msg_0", "last_id": "fco_1", "has_more": False,
    "data": [
        {"type": "message", "id": "msg_0", "role": "user", "status": "completed",
         "content": [{"type": "input_text", "text": "Weather?"},
                     {"type": "input_image", "detail": "auto", "image_url": "https://example.com/a.png",
                      "file_id": None}]},
        {"type": "function_call_output", "id": "fco_1", "call_id": "call_1", "output": "sunny",
         "status": "completed"},
    ],
}
CONVERSATION_ITEM = {
    "type": "message", "id": "msg_2", "role": "user", "status": "completed",
    "content": [{"type": "input_text", "text": "Hello"}],
}

MODELS_PAGE = {"object": "list", "data": [{"id": "gpt-4o", "object": "model", "created": 1, "owned_by": "system"}]}
FILES_PAGE = {
    "object": "list", "has_more": False, "first_id": "file-1", "last_id": "file-1",
    "data": [{"id": "file-1", "object": "file", "bytes": 1, "created_at": 1, "filename": "a.jsonl",
              "purpose": "batch", "status": "processed"}],
}

RESPONSES_CASES: dict[str, tuple[Any, Callable[[Any], Any]]] = {
    "response with tools": (TOOLS_RESPONSE, lambda c: c.responses.retrieve("resp_1")),
    "response failed": (FAILED_RESPONSE, lambda c: c.responses.retrieve("resp_1")),
    # The items of the page: the page's own class name spells its item union, which pydantic
    # prints member by member (gptkit's members are tagged and not all the same).
    "response input message": (INPUT_ITEMS, lambda c: c.responses.input_items.list("resp_1").data[0]),
    "function call output item": (INPUT_ITEMS, lambda c: c.responses.input_items.list("resp_1").data[1]),
    "conversation item": (CONVERSATION_ITEM, lambda c: c.conversations.items.retrieve("msg_2",
                                                                                     conversation_id="conv_1")),
    # Pages declare only the official fields (``object``, ``first_id``... print as sent, after them).
    "page of models": (MODELS_PAGE, lambda c: c.models.list()),
    "cursor page of files": (FILES_PAGE, lambda c: c.files.list()),
}
