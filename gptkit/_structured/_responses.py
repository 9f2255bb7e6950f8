"""``responses.parse``: the Responses API's structured outputs and tools (sans-IO).

``plan_responses_parse`` turns the caller's ``text_format`` (a pydantic model) into the strict
``text.format`` and its ``tools`` into the Responses tool shape, raising before any I/O when
something cannot be expressed; ``parse_response`` turns the plain ``Response`` that ``create``
returned into a ``ParsedResponse``: every final ``output_text`` validated into the model
(``output_parsed``), every ``function_call`` of a tool gptkit built validated into its model
(``parsed_arguments``). The sync and async resources run the same two steps around ``create``.

As in the official package a refusal is not an error (the message carries a ``refusal`` part and
``output_parsed`` is None); as in gptkit's chat ``parse`` a response cut off by
``max_output_tokens`` or stopped by the content filter raises (``LengthFinishReasonError`` /
``ContentFilterFinishReasonError`` with ``.response``) and a text that is not valid JSON or does
not match the model raises ``StructuredOutputError`` with ``.raw`` and ``.response``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import pydantic

from gptkit._core._base import APIResponse
from gptkit._core._params import NOT_GIVEN, NotGiven, Omit
from gptkit._exceptions import (
    ContentFilterFinishReasonError,
    InvalidParameterError,
    LengthFinishReasonError,
)
from gptkit._structured._parse import json_arguments, validate_json
from gptkit._structured._schema import schema_name, strict_json_schema
from gptkit._structured._tools import ModelTool, PydanticFunctionTool, function_definition
from gptkit.types.responses.function_tool_param import FunctionToolParam
from gptkit.types.responses.parsed_response import (
    ParsedResponse,
    ParsedResponseFunctionToolCall,
    ParsedResponseOutputMessage,
    ParsedResponseOutputText,
)
from gptkit.types.responses.response import Response

__all__ = [
    "ParsingFinish",
    "ResponsesParsePlan",
    "ResponsesPydanticFunctionTool",
    "check_incomplete",
    "parse_response",
    "plan_responses_parse",
    "stream_finish",
    "pydantic_responses_function_tool",
    "responses_tools",
    "text_format_param",
]


class ResponsesPydanticFunctionTool(ModelTool):
    """A Responses function tool dict (``{"type": "function", "name": ..., "parameters": ...}``)
    that remembers the pydantic model of its arguments."""

    @property
    def name(self) -> str:
        name: str = self["name"]
        return name


def pydantic_responses_function_tool(
    model: type[pydantic.BaseModel],
    *,
    name: str | None = None,
    description: str | None = None,
    defer_loading: bool | NotGiven | Omit = NOT_GIVEN,
) -> FunctionToolParam:
    """A strict Responses API function tool whose arguments are ``model``.

    ``name`` defaults to the model's class name and ``description`` to its docstring. Pass it in
    ``client.responses.parse(tools=[...])``: each ``function_call`` item of this tool gets a
    validated ``model`` instance in ``parsed_arguments``. (``gptkit.pydantic_function_tool(Model)``,
    the chat shape, works there too: it is converted.) ``defer_loading`` is sent when given (with
    a tool-search tool, the function is loaded on demand). Raises ``StrictSchemaError`` naming the
    field when strict mode cannot express the model.
    """
    data: dict[str, Any] = {"type": "function", **function_definition(model, name, description)}
    if not isinstance(defer_loading, (NotGiven, Omit)):
        data["defer_loading"] = defer_loading
    return cast(FunctionToolParam, ResponsesPydanticFunctionTool(data, model, strict=True))


def text_format_param(model: type[pydantic.BaseModel]) -> dict[str, Any]:
    """The strict ``text.format`` that asks for JSON matching ``model`` (the official key order)."""
    return {"type": "json_schema", "strict": True, "name": schema_name(model),
            "schema": strict_json_schema(model)}


def _invalid(method: str, param: str, problem: str) -> InvalidParameterError:
    return InvalidParameterError(f"Invalid parameter for responses.{method}: '{param}' {problem}",
                                 param=param, errors=[(param, problem)])


def responses_tools(tools: object, *, method: str = "parse") -> tuple[list[Any] | None, dict[str, Any]]:
    """``tools`` in the Responses shape, and the function tools to parse, by name.

    gptkit's chat-shaped tools (``pydantic_function_tool``, ``function_tool``) become Responses
    function tools that keep their model; a chat-shaped dict gptkit did not build is refused (its
    arguments could not be parsed, and the API would refuse its shape). The map gives each tool's
    model, or None for a raw strict function tool (its arguments are parsed as JSON, as the
    official package does).
    """
    if tools is None or tools is NOT_GIVEN:
        return None, {}
    if isinstance(tools, (str, bytes, Mapping)) or not isinstance(tools, Iterable):
        raise _invalid(method, "tools", f"must be a list of tools (got {type(tools).__name__})")
    wire: list[Any] = []
    known: dict[str, Any] = {}
    for index, tool in enumerate(tools):
        if isinstance(tool, PydanticFunctionTool):  # chat shape, built by gptkit: convert
            # As the official package converts it: description always (null when there is none).
            function = tool["function"]
            converted = {"type": "function", "name": function["name"],
                         "description": function.get("description"), "parameters": function["parameters"],
                         "strict": function.get("strict") or False}
            converted.update({key: value for key, value in function.items() if key not in converted})
            wire.append(ResponsesPydanticFunctionTool(converted, tool.model, strict=tool.strict))
            known[tool.name] = tool.model
            continue
        if isinstance(tool, Mapping) and tool.get("type") == "function" and "function" in tool:
            raise _invalid(method, f"tools.{index}", "has the chat completions shape ({'type': 'function', "
                           "'function': {...}}); build it with gptkit.pydantic_function_tool(Model) "
                           "or write it as {'type': 'function', 'name': ..., 'parameters': ...}")
        wire.append(tool)
        if isinstance(tool, ResponsesPydanticFunctionTool):
            known[tool.name] = tool.model
        elif isinstance(tool, Mapping) and tool.get("type") == "function" and tool.get("strict"):
            known[str(tool.get("name"))] = None
    return wire, known


@dataclass
class ResponsesParsePlan:
    """What ``responses.parse`` sends and how it reads the reply."""

    params: dict[str, Any]
    model: type[pydantic.BaseModel] | None = None
    #: Function tool name -> its model (None: a raw strict tool, parsed as JSON).
    tools: dict[str, Any] = field(default_factory=dict)

    def finish(self, result: Any) -> Any:
        """The ``ParsedResponse`` for what ``create`` returned (an ``APIResponse`` stays one)."""
        if isinstance(result, APIResponse):
            return APIResponse(result.http_response, parse_response(result.parse(), self.model, self.tools))
        return parse_response(result, self.model, self.tools)


def plan_responses_parse(params: Mapping[str, Any], text_format: object, *,
                         method: str = "parse") -> ResponsesParsePlan:
    """Check the parameters of a parse call and build what ``create`` is sent."""
    if params.get("stream"):
        raise _invalid(method, "stream", "is not supported here; use client.responses.stream(...)")
    given = {key: value for key, value in params.items() if key != "stream"}
    model: type[pydantic.BaseModel] | None = None
    if text_format is not None and text_format is not NOT_GIVEN:
        if not (isinstance(text_format, type) and issubclass(text_format, pydantic.BaseModel)):
            raise _invalid(method, "text_format",
                           f"must be a pydantic BaseModel subclass (got {text_format!r})")
        model = text_format
        text = given.get("text")
        if text is not None and not isinstance(text, Mapping):
            raise _invalid(method, "text", f"must be a dict (got {type(text).__name__})")
        if text is not None and "format" in text:
            raise _invalid(method, "text.format", "cannot be given with text_format (it sets text.format)")
        given["text"] = {**(text or {}), "format": text_format_param(model)}
    wire, known = responses_tools(given.get("tools"), method=method)
    if wire is not None:
        given["tools"] = wire
    return ResponsesParsePlan(params=given, model=model, tools=known)


class ParsingFinish:
    """How a ``responses.stream(...)`` block parses: its final response (a ``ParsedResponse``,
    with or without ``text_format``, as the official stream gives) and, as it streams, each
    ``response.output_text.done`` text."""

    def __init__(self, model: type[pydantic.BaseModel] | None, tools: Mapping[str, Any]) -> None:
        self.model = model
        self.tools = tools

    def __call__(self, response: Response) -> ParsedResponse[Any]:
        # Without text_format there is no answer to parse, so a cut-off response is handed out as
        # it is (as the official stream does); with one, it raises as parse does.
        return parse_response(response, self.model, self.tools, check=self.model is not None)

    def parse_text(self, text: str) -> Any:
        """A streamed final-answer text in ``model`` (None without one)."""
        return None if self.model is None else validate_json(self.model, text, None, None)


def stream_finish(text_format: object,
                  params: Mapping[str, Any] | None) -> tuple[dict[str, Any], ParsingFinish]:
    """The parameters a parsing stream sends (``params`` None: it attaches to a response and
    sends none) and how it parses what it gets."""
    plan = plan_responses_parse(params or {}, text_format, method="stream")
    return plan.params, ParsingFinish(plan.model, plan.tools)


def check_incomplete(response: Response) -> None:
    """Raise rather than hand out half an object when the response was cut off or filtered."""
    if response.status != "incomplete":
        return
    reason = response.incomplete_details.reason if response.incomplete_details is not None else None
    if reason == "content_filter":
        raise ContentFilterFinishReasonError(response=response)
    raise LengthFinishReasonError(response=response)


def parse_response(response: Response, model: type[pydantic.BaseModel] | None,
                   tools: Mapping[str, Any], *, check: bool = True) -> ParsedResponse[Any]:
    """``response`` as a ``ParsedResponse``: final texts into ``model``, known tools' arguments
    into theirs (``check``: raise for a cut-off or filtered response first)."""
    if check:
        check_incomplete(response)
    result: ParsedResponse[Any] = ParsedResponse.model_validate(
        response.model_dump(mode="python", exclude_unset=True))
    # Keep what the client attached to the response object: request id, cost, ...
    private = response.__pydantic_private__
    if private and result.__pydantic_private__ is not None:
        result.__pydantic_private__.update(private)
    for item in result.output:
        if isinstance(item, ParsedResponseOutputMessage) and model is not None:
            # Commentary and other phases are not the answer (the official package's rule).
            if item.phase is not None and item.phase != "final_answer":
                continue
            for part in item.content:
                if isinstance(part, ParsedResponseOutputText):
                    part.parsed = validate_json(model, part.text, None, None, response=response)
        elif isinstance(item, ParsedResponseFunctionToolCall) and item.name in tools:
            tool_model = tools[item.name]
            if tool_model is not None:
                item.parsed_arguments = validate_json(tool_model, item.arguments, None, item.name,
                                                  response=response)
            else:
                item.parsed_arguments = json_arguments(item.arguments, None, item.name, response=response)
    return result
