"""Structured outputs and tool calling with pydantic models (``parse``, tools, ``run_tools``).

Modules: ``_schema`` (strict-mode JSON schemas), ``_tools`` (function tools from models and
functions), ``_parse`` (the ``parse`` steps), ``_runner`` (the tool-call loop), ``_responses``
and ``_responses_runner`` (the same for the Responses API). All sans-IO except the two thin loops
in ``_runner``.
"""

from gptkit._structured._parse import ParsePlan, finish_parse, parse_completion, plan_parse
from gptkit._structured._responses import (
    parse_response,
    plan_responses_parse,
    pydantic_responses_function_tool,
)
from gptkit._structured._responses_runner import ResponsesToolLoop, ResponsesToolRunResult
from gptkit._structured._runner import ToolLoop, ToolRunResult, run_tools_async, run_tools_sync
from gptkit._structured._schema import strict_json_schema
from gptkit._structured._tools import function_tool, pydantic_function_tool

__all__ = [
    "ParsePlan",
    "ResponsesToolLoop",
    "ResponsesToolRunResult",
    "ToolLoop",
    "ToolRunResult",
    "finish_parse",
    "function_tool",
    "parse_completion",
    "parse_response",
    "plan_parse",
    "plan_responses_parse",
    "pydantic_function_tool",
    "pydantic_responses_function_tool",
    "run_tools_async",
    "run_tools_sync",
    "strict_json_schema",
]
