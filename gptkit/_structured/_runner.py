"""The tool-call loop behind ``chat.completions.run_tools``.

``ToolLoop`` is the sans-IO core: it builds each round's parameters, reads the model's tool calls,
validates their arguments and keeps the conversation. The sync and async shells
(``run_tools_sync``/``run_tools_async``) only call ``create`` and the tool functions. Every
round is an ordinary ``create`` call, so retries, rate limits and cost accounting apply to each.

Bad arguments from the model (invalid JSON, a schema mismatch, an unknown tool name) are *sent
back* as the tool's result, so the model can correct itself in the next round (bounded by
``max_rounds``). An exception raised by a tool function itself propagates to the caller: it is a
bug or an outage on the caller's side, not something the model should see.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

import anyio
import pydantic
import pydantic_core

from gptkit._core._base import APIResponse
from gptkit._exceptions import GptkitError, InvalidParameterError, ToolRoundsExceededError
from gptkit._structured._parse import check_finish_reasons, parse_completion, plan_parse
from gptkit._structured._tools import FunctionTool, function_tools
from gptkit.types.chat import (
    ChatCompletion,
    ChatCompletionMessage,
    ChatCompletionMessageCustomToolCall,
    ChatCompletionMessageToolCallUnion,
)
from gptkit.types.cost import Cost
from gptkit.types.parsed_chat import ContentT, ParsedChatCompletion

__all__ = [
    "PendingCall",
    "RunsTools",
    "ToolLoop",
    "ToolRunResult",
    "pending_call",
    "run_tools_async",
    "run_tools_sync",
    "tool_output",
]


@dataclass
class ToolRunResult(Generic[ContentT]):
    """The outcome of ``run_tools``: the final answer and how the conversation got there."""

    #: The final completion (the model answered without asking for tools), parsed like ``parse``.
    completion: ParsedChatCompletion[ContentT]
    #: The whole conversation: the messages given, then each round's assistant message and tool
    #: results, then the final assistant message. Pass it back to continue the conversation.
    messages: list[Any]
    #: Every round's completion, in order (the last one is ``completion`` before parsing).
    completions: list[ChatCompletion] = field(default_factory=list)

    @property
    def rounds(self) -> int:
        """How many times the model was called."""
        return len(self.completions)

    @property
    def cost(self) -> Cost | None:
        """What all rounds cost together, or None when any round's cost is unknown."""
        total: Cost | None = None
        for completion in self.completions:
            cost = completion.cost
            if cost is None:
                return None
            total = cost if total is None else total + cost
        return total


@dataclass
class PendingCall:
    """One tool call to run: the validated arguments, or the error text to send back instead."""

    id: str
    name: str
    tool: FunctionTool | None = None
    arguments: pydantic.BaseModel | None = None
    error: str | None = None


class ToolLoop:
    """The sans-IO state of one ``run_tools`` call."""

    def __init__(self, params: Mapping[str, Any], response_format: object, max_rounds: int) -> None:
        if isinstance(max_rounds, bool) or not isinstance(max_rounds, int) or max_rounds < 1:
            raise _invalid("max_rounds", f"must be an integer >= 1 (got {max_rounds!r})")
        if params.get("n") not in (None, 1):
            raise _invalid("n", "must be 1: the tool loop follows a single answer")
        tools = function_tools(params.get("tools"), method="chat.completions.run_tools")
        self.plan = plan_parse({**params, "tools": tools}, response_format, method="run_tools")
        self.max_rounds = max_rounds
        self.tools: dict[str, FunctionTool] = {tool.name: tool for tool in tools}
        self.messages: list[Any] = list(self.plan.params.get("messages") or ())
        self.completions: list[ChatCompletion] = []

    def request(self) -> dict[str, Any]:
        """The parameters of the next round's ``create`` call."""
        return {**self.plan.params, "messages": list(self.messages)}

    def step(self, completion: ChatCompletion) -> list[PendingCall]:
        """Read a round's reply; the tool calls to run, or ``[]`` when the model has answered."""
        if isinstance(completion, APIResponse):  # a ``with_raw_response`` resource
            completion = completion.parse()
        self.completions.append(completion)
        check_finish_reasons(completion)
        if not completion.choices:
            raise GptkitError("The response to a run_tools round has no choices.")
        message = completion.choices[0].message
        self.messages.append(_assistant_message(message))
        if not message.tool_calls:
            return []
        if len(self.completions) >= self.max_rounds:
            raise ToolRoundsExceededError(
                self.max_rounds, messages=list(self.messages), completion=completion
            )
        return [self._pending(call.id, *_name_and_input(call)) for call in message.tool_calls]

    def add_result(self, call: PendingCall, value: Any) -> None:
        """Append a tool's result (or the argument error) as the ``tool`` message answering ``call``."""
        content = tool_output(call, value)
        self.messages.append({"role": "tool", "tool_call_id": call.id, "content": content})

    def finish(self) -> ToolRunResult[Any]:
        """The result, once ``step`` returned ``[]``."""
        last = self.completions[-1]
        parsed = parse_completion(last, self.plan.model, self.plan.tools)
        return ToolRunResult(completion=parsed, messages=self.messages, completions=self.completions)

    def _pending(self, call_id: str, name: str, arguments: str) -> PendingCall:
        return pending_call(self.tools, call_id, name, arguments)


ResultT_co = TypeVar("ResultT_co", covariant=True)
ResultT = TypeVar("ResultT")


class RunsTools(Protocol[ResultT_co]):
    """What the sync and async shells drive: ``ToolLoop`` (chat) and ``ResponsesToolLoop``."""

    def request(self) -> dict[str, Any]: ...
    def step(self, result: Any) -> list[PendingCall]: ...
    def add_result(self, call: PendingCall, value: Any) -> None: ...
    def finish(self) -> ResultT_co: ...


def pending_call(tools: Mapping[str, FunctionTool], call_id: str, name: str, arguments: str) -> PendingCall:
    """A model's tool call checked against ``tools``: the validated arguments, or the error text
    to send back (an unknown tool, arguments that are not JSON or do not match)."""
    tool = tools.get(name)
    if tool is None:
        known = ", ".join(sorted(tools))
        error = f"Error: there is no tool named {name!r}. Tools: {known}."
        return PendingCall(call_id, name, error=error)
    try:
        parsed = tool.model.model_validate_json(arguments)
    except pydantic.ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(arguments)'}: {err['msg']}"
            for err in exc.errors(include_url=False)
        )
        error = f"Error: invalid arguments for {name!r}: {problems}. Call it again with valid arguments."
        return PendingCall(call_id, name, tool, error=error)
    return PendingCall(call_id, name, tool, arguments=parsed)


def tool_output(call: PendingCall, value: Any) -> str:
    """What answers ``call``: the argument error, a string result as it is, anything else as JSON."""
    return call.error if call.error is not None else _tool_output(value)


def _called(call: PendingCall) -> Any:
    """What the tool of ``call`` returned (an awaitable for an async tool), or None when the call
    names no known tool or its arguments did not parse (its result says so)."""
    if call.tool is None or call.arguments is None:
        return None
    return call.tool.call(call.arguments)


def run_tools_sync(create: Callable[..., Any], loop: RunsTools[ResultT]) -> ResultT:
    """The loop for ``Client``: sync tools are called, async ones run to completion on a loop of
    their own (in a helper thread when this thread already runs one)."""
    while True:
        pending = loop.step(create(**loop.request()))
        if not pending:
            return loop.finish()
        for call in pending:
            value = _called(call)
            loop.add_result(call, _run_awaitable(value) if inspect.isawaitable(value) else value)


async def run_tools_async(create: Callable[..., Awaitable[Any]], loop: RunsTools[ResultT]) -> ResultT:
    """The loop for ``AsyncClient``: async tools are awaited, sync ones called in the loop's thread."""
    while True:
        pending = loop.step(await create(**loop.request()))
        if not pending:
            return loop.finish()
        # One at a time, in the model's order: results line up with the calls and a tool that
        # shares state with another never runs concurrently with it.
        for call in pending:
            value = _called(call)
            loop.add_result(call, await value if inspect.isawaitable(value) else value)


def _run_awaitable(value: Awaitable[Any]) -> Any:
    async def wait() -> Any:
        return await value

    try:
        asyncio.get_running_loop()
    except RuntimeError:  # no loop in this thread: run one just for this call
        return anyio.run(wait)
    # A sync client called from async code (a loop runs in this thread): the call blocks anyway,
    # so run the coroutine on a loop of its own in a helper thread and wait for it.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="gptkit-tool") as pool:
        return pool.submit(anyio.run, wait).result()


def _assistant_message(message: ChatCompletionMessage) -> dict[str, Any]:
    # Only the fields the API takes back: provider extras and parsed values stay out.
    out: dict[str, Any] = {"role": "assistant", "content": message.content}
    if message.refusal:
        out["refusal"] = message.refusal
    if message.tool_calls:
        out["tool_calls"] = [
            {"id": call.id, "type": "custom",
             "custom": {"name": call.custom.name, "input": call.custom.input}}
            if isinstance(call, ChatCompletionMessageCustomToolCall)
            else {"id": call.id, "type": "function",
                  "function": {"name": call.function.name, "arguments": call.function.arguments}}
            for call in message.tool_calls
        ]
    return out


def _name_and_input(call: ChatCompletionMessageToolCallUnion) -> tuple[str, str]:
    # A custom tool call (no function) is answered like a call of an unknown tool.
    if isinstance(call, ChatCompletionMessageCustomToolCall):
        return call.custom.name, call.custom.input
    return call.function.name, call.function.arguments


def _tool_output(value: Any) -> str:
    if isinstance(value, str):
        return value
    return pydantic_core.to_json(value, fallback=str).decode()


def _invalid(param: str, problem: str) -> InvalidParameterError:
    return InvalidParameterError(
        f"Invalid parameter for chat.completions.run_tools: '{param}' {problem}",
        param=param, errors=[(param, problem)],
    )
