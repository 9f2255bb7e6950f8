"""``chat.completions.parse``: prepare the request, then validate the reply (sans-IO).

``plan_parse`` turns the caller's ``response_format`` (a pydantic model or a plain dict) and
``tools`` into wire parameters, raising before any I/O when a model cannot be expressed;
``finish_parse`` turns the plain ``ChatCompletion`` that ``create`` returned into a typed
``ParsedChatCompletion``. The sync and async resources run the same two steps around ``create``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pydantic

from gptkit._core._base import APIResponse
from gptkit._core._params import NOT_GIVEN
from gptkit._exceptions import (
    ContentFilterFinishReasonError,
    InvalidParameterError,
    LengthFinishReasonError,
    StructuredOutputError,
)
from gptkit._structured._schema import schema_name, strict_json_schema
from gptkit._structured._tools import PydanticFunctionTool, known_tools
from gptkit.types.chat import ChatCompletion
from gptkit.types.chat_params import ChatCompletionParseArgs, _ChatCompletionArgsBase
from gptkit.types.parsed_chat import ParsedChatCompletion
from gptkit.types.request_options import RequestOptions
from gptkit.types.responses.response import Response

__all__ = [
    "ChatCompletionParseKwargs",
    "ChatCompletionRunToolsKwargs",
    "ParsePlan",
    "ResponseModelT",
    "check_finish_reasons",
    "finish_parse",
    "json_arguments",
    "parse_completion",
    "plan_parse",
    "response_format_param",
    "validate_json",
]

#: The pydantic model given as ``response_format``.
ResponseModelT = TypeVar("ResponseModelT", bound=pydantic.BaseModel)


class ChatCompletionParseKwargs(ChatCompletionParseArgs, RequestOptions, total=False):
    """The keyword arguments of ``parse`` and ``stream`` other than ``response_format``."""


class ChatCompletionRunToolsKwargs(_ChatCompletionArgsBase, RequestOptions, total=False):
    """The keyword arguments of ``run_tools`` other than ``response_format``, ``tools`` and
    ``max_rounds``."""


@dataclass
class ParsePlan:
    """What ``parse`` sends and how it reads the reply."""

    params: dict[str, Any]
    model: type[pydantic.BaseModel] | None = None
    #: The strict tools whose arguments are parsed: into the model of a gptkit-made tool, or
    #: (None) as JSON for a plain strict tool dict, as the official package does.
    tools: dict[str, PydanticFunctionTool | None] = field(default_factory=dict)

    def finish(self, result: Any) -> Any:
        """``finish_parse`` for this plan."""
        return finish_parse(result, self)


def response_format_param(
    response_format: object,
) -> tuple[dict[str, Any] | None, type[pydantic.BaseModel] | None]:
    """The wire ``response_format`` and the model to validate with (None for dicts and no format)."""
    if response_format is None or response_format is NOT_GIVEN:
        return None, None
    if isinstance(response_format, type) and issubclass(response_format, pydantic.BaseModel):
        wire = {
            "type": "json_schema",
            # The official package's key order, so the body is the same byte for byte.
            "json_schema": {
                "schema": strict_json_schema(response_format),
                "name": schema_name(response_format),
                "strict": True,
            },
        }
        return wire, response_format
    if isinstance(response_format, Mapping):
        return dict(response_format), None
    raise InvalidParameterError(
        "Invalid parameter for chat.completions.parse: 'response_format' must be a pydantic "
        f"BaseModel subclass or a response_format dict (got {response_format!r})",
        param="response_format",
        errors=[("response_format", "must be a pydantic BaseModel subclass or a dict")],
    )


def plan_parse(params: Mapping[str, Any], response_format: object, *, method: str = "parse") -> ParsePlan:
    """Check the parameters of a parse call and build what ``create`` is sent."""
    if params.get("stream"):
        raise InvalidParameterError(
            f"Invalid parameter for chat.completions.{method}: 'stream' is not supported here; "
            "call create(stream=True) and parse the final text yourself",
            param="stream", errors=[("stream", "is not supported by " + method)],
        )
    given = {key: value for key, value in params.items() if key != "stream"}
    if "response_format" in given:
        raise InvalidParameterError(
            f"Invalid parameter for chat.completions.{method}: 'response_format' given twice",
            param="response_format", errors=[("response_format", "given twice")],
        )
    wire, model = response_format_param(response_format)
    if wire is not None:
        given["response_format"] = wire
    tools: dict[str, PydanticFunctionTool | None] = {
        name: tool for name, tool in known_tools(given.get("tools")).items() if tool.strict}
    for tool in given.get("tools") or ():
        function = tool.get("function") if isinstance(tool, Mapping) else None
        if (isinstance(function, Mapping) and function.get("strict") is True
                and not isinstance(tool, PydanticFunctionTool) and isinstance(function.get("name"), str)):
            tools.setdefault(function["name"], None)
    return ParsePlan(params=given, model=model, tools=tools)


def check_finish_reasons(completion: ChatCompletion) -> None:
    """Raise rather than hand out half an object when any choice was cut off or filtered."""
    for choice in completion.choices:
        if choice.finish_reason == "length":
            raise LengthFinishReasonError(completion)
        if choice.finish_reason == "content_filter":
            raise ContentFilterFinishReasonError(completion)


def parse_completion(
    completion: ChatCompletion,
    model: type[pydantic.BaseModel] | None,
    tools: Mapping[str, PydanticFunctionTool | None],
    *,
    check: bool = True,
) -> ParsedChatCompletion[Any]:
    """Validate every choice's content into ``model`` and known tools' arguments into theirs.

    ``check=False`` (nothing to parse): a cut-off or filtered answer is returned as it is.
    """
    if check:
        check_finish_reasons(completion)
    parsed_type: Any = ParsedChatCompletion[model] if model is not None else ParsedChatCompletion[None]  # type: ignore[valid-type]
    result: ParsedChatCompletion[Any] = parsed_type.model_validate(
        completion.model_dump(mode="python", exclude_unset=True)
    )
    # Keep what the client attached to the response object: request id, cost, ...
    private = completion.__pydantic_private__
    if private and result.__pydantic_private__ is not None:
        result.__pydantic_private__.update(private)
    if completion.usage is not None and result.usage is not None:  # not dumped: carried over
        result.usage.estimated = completion.usage.estimated
    for choice in result.choices:
        message = choice.message
        if model is not None and message.content is not None and not message.refusal:
            message.parsed = validate_json(model, message.content, completion, None)
        for call in message.tool_calls or ():
            name = call.function.name
            if name not in tools:
                continue
            tool = tools[name]
            call.function.parsed_arguments = (
                validate_json(tool.model, call.function.arguments, completion, name) if tool is not None
                else json_arguments(call.function.arguments, completion, name))
    return result


def json_arguments(raw: str, completion: ChatCompletion | None, tool_name: str, *,
                   response: Any = None) -> Any:
    """A strict tool's arguments as JSON, or ``StructuredOutputError`` (with the completion or the
    Responses API's response) when they are not JSON."""
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise StructuredOutputError(
            f"The arguments of tool call {tool_name!r} are not valid JSON ({exc}); the raw text is in .raw",
            raw=raw, completion=completion, tool_name=tool_name, response=response,
        ) from None


def finish_parse(result: Any, plan: ParsePlan) -> Any:
    """The parsed completion for what ``create`` returned (an ``APIResponse`` stays one)."""
    if isinstance(result, APIResponse):
        return APIResponse(result.http_response, parse_completion(result.parse(), plan.model, plan.tools))
    return parse_completion(result, plan.model, plan.tools)


def validate_json(
    model: type[pydantic.BaseModel], raw: str, completion: ChatCompletion | None, tool_name: str | None,
    *, response: Response | None = None,
) -> pydantic.BaseModel:
    """``raw`` validated into ``model``, or ``StructuredOutputError`` naming what does not match."""
    try:
        return model.model_validate_json(raw)
    except pydantic.ValidationError as exc:
        errors = exc.errors(include_url=False)
        what = f"the arguments of tool call {tool_name!r}" if tool_name else "the model's reply"
        if errors and errors[0]["type"] == "json_invalid":
            message = f"{what} is not valid JSON ({errors[0]['msg']}); the raw text is in .raw"
        else:
            first = errors[0] if errors else {"loc": (), "msg": str(exc)}
            loc = ".".join(str(part) for part in first["loc"]) or "(root)"
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            message = (
                f"{what} does not match {model.__name__}: '{loc}' {first['msg']}{more}; "
                "the raw text is in .raw"
            )
        raise StructuredOutputError(
            message[0].upper() + message[1:],
            raw=raw, completion=completion, errors=errors, tool_name=tool_name, response=response,
        ) from None
