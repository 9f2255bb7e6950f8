"""Function tools from pydantic models and from typed Python functions.

A tool is the dict the API expects (``{"type": "function", "function": {...}}``), so it can go
straight into ``create(tools=[...])``. It is a dict *subclass* that remembers its pydantic model
(and, for ``function_tool``, the function), which lets ``parse`` validate the model's arguments
and ``run_tools`` call the function.
"""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeAlias, cast

import pydantic

from gptkit._exceptions import InvalidParameterError, StrictSchemaError
from gptkit._structured._schema import schema_name, strict_json_schema
from gptkit.types.chat_params import ChatCompletionToolParam

__all__ = [
    "FunctionTool",
    "ModelTool",
    "PydanticFunctionTool",
    "function_definition",
    "ToolSpec",
    "function_tool",
    "function_tools",
    "known_tools",
    "pydantic_function_tool",
]

#: What a tool loop's ``tools=`` takes: ``function_tool(fn)`` results or plain functions.
ToolSpec: TypeAlias = ChatCompletionToolParam | Callable[..., Any]


class ModelTool(dict[str, Any]):
    """A tool dict (the wire form, sent as it is) that remembers the pydantic model of its
    arguments and whether it is strict: a chat tool (``PydanticFunctionTool``) or a Responses
    one (``gptkit._structured._responses``)."""

    def __init__(self, data: Mapping[str, Any], model: type[pydantic.BaseModel], *, strict: bool) -> None:
        super().__init__(data)
        self.model = model
        self.strict = strict


class PydanticFunctionTool(ModelTool):
    """A function tool dict that remembers the pydantic model of its arguments."""

    @property
    def name(self) -> str:
        name: str = self["function"]["name"]
        return name


class FunctionTool(PydanticFunctionTool):
    """A function tool dict that also remembers the Python function to run (``function_tool``)."""

    def __init__(
        self,
        data: Mapping[str, Any],
        model: type[pydantic.BaseModel],
        *,
        strict: bool,
        function: Callable[..., Any],
        positional: Sequence[str],
    ) -> None:
        super().__init__(data, model, strict=strict)
        self.function = function
        self._positional = tuple(positional)

    def call(self, arguments: pydantic.BaseModel) -> Any:
        """Call the function with validated arguments; returns its result (maybe an awaitable)."""
        # Attribute values, not a dump: a parameter typed as a model receives the model instance.
        values = {name: getattr(arguments, name) for name in type(arguments).model_fields}
        args = [values.pop(name) for name in self._positional]
        return self.function(*args, **values)


def pydantic_function_tool(
    model: type[pydantic.BaseModel], *, name: str | None = None, description: str | None = None
) -> ChatCompletionToolParam:
    """A strict function tool whose arguments are ``model``.

    ``name`` defaults to the model's class name and ``description`` to its docstring. Pass the
    result in ``tools=``; ``chat.completions.parse`` then fills each matching tool call's
    ``function.parsed_arguments`` with a validated ``model`` instance. Raises
    ``StrictSchemaError`` naming the field when strict mode cannot express the model.
    """
    function = function_definition(model, name, description)
    tool = PydanticFunctionTool({"type": "function", "function": function}, model, strict=True)
    return cast(ChatCompletionToolParam, tool)


def function_definition(
    model: type[pydantic.BaseModel], name: str | None, description: str | None
) -> dict[str, Any]:
    """The ``function`` of a strict tool for ``model``, as the official package writes it: name,
    strict, parameters, then the description (given, else the class docstring as written)."""
    function: dict[str, Any] = {"name": name or schema_name(model), "strict": True,
                                "parameters": strict_json_schema(model)}
    text = description if description is not None else model.__doc__
    if text is not None:
        function["description"] = text
    return function


def function_tool(
    function: Callable[..., Any],
    *,
    name: str | None = None,
    description: str | None = None,
    strict: bool = True,
) -> ChatCompletionToolParam:
    """A function tool built from a typed Python function (sync or async).

    The parameters' annotations (``Annotated[..., Field(description=...)]`` included) become the
    arguments' schema via a pydantic model built from the signature; the docstring's first part
    becomes the tool's description and a Google-style ``Args:`` section the parameters'
    descriptions. ``run_tools`` calls the function with the validated arguments. With
    ``strict=False`` the schema is sent as pydantic writes it (no strict-mode rules).
    """
    tool_name = name or getattr(function, "__name__", "") or ""
    if not re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", tool_name):
        raise InvalidParameterError(
            f"Invalid tool name {tool_name!r}: use 1-64 letters, digits, '_' or '-' (pass name=...)",
            param="name", errors=[("name", "must match [a-zA-Z0-9_-]{1,64}")],
        )
    summary, arg_docs = _split_docstring(inspect.getdoc(function) or "")
    model, positional = _signature_model(function, tool_name, arg_docs)
    schema = strict_json_schema(model) if strict else model.model_json_schema()
    data = _tool_dict(tool_name, description if description is not None else summary, schema, strict)
    tool = FunctionTool(data, model, strict=strict, function=function, positional=positional)
    return cast(ChatCompletionToolParam, tool)


def function_tools(tools: object, *, method: str) -> list[FunctionTool]:
    """The ``tools=`` of a tool loop, each a ``FunctionTool`` (the one conversion every loop uses).

    Plain Python functions (sync or async; bound methods and other callables that are not classes)
    are built with ``function_tool(fn)``; ``function_tool`` results pass through. Raises
    ``InvalidParameterError`` naming ``tools`` or ``tools.<i>`` for anything else (a
    ``pydantic_function_tool`` or a raw dict has no function to run), a missing or empty list, a
    lone function not in a list, and two tools with one name.
    """
    def invalid(param: str, problem: str) -> InvalidParameterError:
        return InvalidParameterError(f"Invalid parameter for {method}: '{param}' {problem}",
                                     param=param, errors=[(param, problem)])

    if tools is None or (isinstance(tools, Sequence) and not isinstance(tools, str) and not tools):
        raise invalid("tools", "is required: pass tools=[get_weather, ...] (functions to run)")
    if callable(tools) or isinstance(tools, (str, bytes, Mapping)) or not isinstance(tools, Iterable):
        raise invalid("tools", f"must be a list of functions (got {type(tools).__name__}: tools=[fn])")
    built: list[FunctionTool] = []
    for index, item in enumerate(tools):
        if isinstance(item, FunctionTool):
            built.append(item)
        elif isinstance(item, Mapping):  # pydantic_function_tool(...) or a raw tool dict
            function = item.get("function")
            name = function.get("name") if isinstance(function, Mapping) else None
            raise invalid(f"tools.{index}", f"tool {name!r} has no Python function to run: pass the "
                          "function itself, or gptkit.function_tool(fn)")
        elif isinstance(item, type):
            raise invalid(f"tools.{index}", f"is a class ({item.__name__}), not a function to run (a "
                          "pydantic model only describes arguments: gptkit.pydantic_function_tool)")
        elif callable(item):
            built.append(cast(FunctionTool, function_tool(item)))
        else:
            raise invalid(f"tools.{index}", f"must be a function or gptkit.function_tool(fn) (got {item!r})")
    seen: dict[str, int] = {}
    for index, tool in enumerate(built):
        if tool.name in seen:
            raise invalid(f"tools.{index}", f"has the name {tool.name!r} of tools.{seen[tool.name]}: "
                          "give one of them another with gptkit.function_tool(fn, name=...)")
        seen[tool.name] = index
    return built


def known_tools(tools: object) -> dict[str, PydanticFunctionTool]:
    """The tools of a ``tools=`` parameter that gptkit built, by function name."""
    if not isinstance(tools, Sequence):
        return {}
    return {tool.name: tool for tool in tools if isinstance(tool, PydanticFunctionTool)}


def _tool_dict(name: str, description: str | None, schema: dict[str, Any], strict: bool) -> dict[str, Any]:
    # The key order of the official package's pydantic_function_tool.
    function: dict[str, Any] = {"name": name, "strict": strict, "parameters": schema}
    if description:
        function["description"] = description
    return {"type": "function", "function": function}


def _signature_model(
    function: Callable[..., Any], tool_name: str, arg_docs: Mapping[str, str]
) -> tuple[type[pydantic.BaseModel], list[str]]:
    try:
        # eval_str resolves string annotations (``from __future__ import annotations``) and,
        # unlike typing.get_type_hints, works for partials and callable objects too.
        signature = inspect.signature(function, eval_str=True)
    except (TypeError, ValueError, NameError) as exc:
        raise InvalidParameterError(
            f"Cannot build tool {tool_name!r} from {function!r}: {exc}",
            param="function", errors=[("function", str(exc))],
        ) from None
    fields: dict[str, Any] = {}
    positional: list[str] = []
    for param in signature.parameters.values():
        where = f"{tool_name}.{param.name}"
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            raise StrictSchemaError(
                f"Tool {tool_name!r}: parameter '{param.name}' is *args/**kwargs, which a tool "
                "cannot describe; list the parameters explicitly.", field=where,
            )
        if param.annotation is param.empty:
            raise StrictSchemaError(
                f"Tool {tool_name!r}: parameter '{param.name}' has no type annotation; "
                "annotate it so its schema can be built.", field=where,
            )
        annotation = param.annotation
        if param.name in arg_docs:
            annotation = typing.Annotated[annotation, pydantic.Field(description=arg_docs[param.name])]
        default = ... if param.default is param.empty else param.default
        fields[param.name] = (annotation, default)
        if param.kind is param.POSITIONAL_ONLY:
            positional.append(param.name)
    model = pydantic.create_model(tool_name, __config__=pydantic.ConfigDict(extra="forbid"), **fields)
    return model, positional


_SECTION = re.compile(r"^(Args|Arguments|Parameters|Params|Returns?|Raises|Yields?|Examples?|Notes?):\s*$")
_ARG = re.compile(r"^(\*{0,2}\w+)\s*(?:\([^)]*\))?\s*:\s*(.*)$")


def _split_docstring(doc: str) -> tuple[str | None, dict[str, str]]:
    """The summary (text before the first section) and the ``Args:`` descriptions of a docstring."""
    summary: list[str] = []
    args: dict[str, str] = {}
    section: str | None = None
    current: str | None = None
    indent = 0
    for line in doc.splitlines():
        stripped = line.strip()
        heading = _SECTION.match(stripped)
        if heading and not line.startswith(" "):
            section, current = heading.group(1), None
            continue
        if section is None:
            summary.append(line)
        elif section in ("Args", "Arguments", "Parameters", "Params") and stripped:
            level = len(line) - len(line.lstrip())
            match = _ARG.match(stripped)
            if match and (current is None or level <= indent):
                current, indent = match.group(1).lstrip("*"), level
                args[current] = match.group(2).strip()
            elif current is not None:
                args[current] = f"{args[current]} {stripped}".strip()
    text = "\n".join(summary).strip()
    return (text or None), args
