"""The tool-call loop of the Responses API (``client.responses.run_tools``), sans-IO.

``ResponsesToolLoop`` has the shape of chat's ``ToolLoop`` and runs in the same sync and async
shells (``run_tools_sync``/``run_tools_async``): it builds each round's parameters, reads the
response's ``function_call`` items, validates their arguments (``pending_call``, shared with
chat) and answers each with a ``function_call_output`` item. Every round is an ordinary
``create`` call, so retries, rate limits, budgets and cost accounting apply to each.

How a round carries the conversation (``chain=``):

- ``"previous_response_id"`` (the default when responses are stored): a round sends only the
  ``function_call_output`` items and names the previous response; the server keeps the rest.
- ``"input"`` (the default with ``store=False``): a round sends the whole conversation, the
  original input then every response's output items and every tool result.
- with ``conversation=...`` the server appends every item to the conversation, so a round sends
  only the tool results, in the same conversation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal

from gptkit._core._base import APIResponse
from gptkit._exceptions import GptkitError, InvalidParameterError, ToolRoundsExceededError
from gptkit._structured._responses import check_incomplete, parse_response, plan_responses_parse
from gptkit._structured._runner import PendingCall, pending_call, tool_output
from gptkit._structured._tools import FunctionTool, function_tools
from gptkit.types.cost import Cost
from gptkit.types.responses._tagged import model_to_param
from gptkit.types.responses.parsed_response import ContentType, ParsedResponse
from gptkit.types.responses.response import Response
from gptkit.types.responses.response_function_tool_call import ResponseFunctionToolCall

__all__ = ["Chain", "ResponsesToolLoop", "ResponsesToolRunResult"]

#: How ``run_tools`` carries the conversation from one round to the next.
Chain = Literal["previous_response_id", "input"]
_METHOD = "responses.run_tools"


@dataclass
class ResponsesToolRunResult(Generic[ContentType]):
    """The outcome of ``client.responses.run_tools``: the final answer and how it got there."""

    #: The final response (the model answered without calling functions), parsed like ``parse``.
    response: ParsedResponse[ContentType]
    #: The whole conversation as input items: the input given, then each response's output items
    #: and the ``function_call_output`` items answering its calls, then the final output. Pass it
    #: as ``input`` (plus a new user message) to continue without ``previous_response_id``.
    input: list[Any]
    #: Every round's response, in order (the last one is ``response`` before parsing).
    responses: list[Response] = field(default_factory=list)

    @property
    def output_text(self) -> str:
        """The final answer's text (``response.output_text``)."""
        return self.response.output_text

    @property
    def output_parsed(self) -> ContentType | None:
        """The final answer validated into ``text_format`` (None without one)."""
        return self.response.output_parsed

    @property
    def rounds(self) -> int:
        """How many times the model was called."""
        return len(self.responses)

    @property
    def cost(self) -> Cost | None:
        """What all rounds cost together, or None when any round's cost is unknown."""
        total: Cost | None = None
        for response in self.responses:
            cost = response.cost
            if cost is None:
                return None
            total = cost if total is None else total + cost
        return total


def _invalid(param: str, problem: str) -> InvalidParameterError:
    return InvalidParameterError(f"Invalid parameter for {_METHOD}: '{param}' {problem}",
                                 param=param, errors=[(param, problem)])


class ResponsesToolLoop:
    """The sans-IO state of one ``responses.run_tools`` call."""

    def __init__(self, params: Mapping[str, Any], text_format: object, max_rounds: int,
                 chain: Chain | None = None) -> None:
        if isinstance(max_rounds, bool) or not isinstance(max_rounds, int) or max_rounds < 1:
            raise _invalid("max_rounds", f"must be an integer >= 1 (got {max_rounds!r})")
        if params.get("background"):
            raise _invalid("background", "is not supported: each round needs the finished response")
        stored = params.get("store") is not False
        conversation = params.get("conversation") is not None
        if chain is None:
            chain = "previous_response_id" if stored and not conversation else "input"
        if chain not in ("previous_response_id", "input"):
            raise _invalid("chain", f"must be 'previous_response_id' or 'input' (got {chain!r})")
        if chain == "previous_response_id" and not stored:
            raise _invalid("chain", "'previous_response_id' needs stored responses: drop store=False, "
                           "or use chain='input'")
        if chain == "previous_response_id" and conversation:
            raise _invalid("chain", "'previous_response_id' cannot be combined with conversation "
                           "(the conversation carries the turns)")
        tools = function_tools(params.get("tools"), method=_METHOD)
        self.plan = plan_responses_parse({**params, "tools": tools}, text_format, method="run_tools")
        self.max_rounds = max_rounds
        self.chain = chain
        self.conversation = conversation
        self.tools: dict[str, FunctionTool] = {tool.name: tool for tool in tools}
        given = self.plan.params.get("input")
        self.items: list[Any] = (
            [{"role": "user", "content": given}] if isinstance(given, str)
            else [model_to_param(item) for item in given or ()])
        self.outputs: list[dict[str, Any]] = []  # this round's function_call_output items
        self.responses: list[Response] = []

    def request(self) -> dict[str, Any]:
        """The parameters of the next round's ``create`` call."""
        if not self.responses:
            return dict(self.plan.params)
        if self.conversation:
            return {**self.plan.params, "input": list(self.outputs)}
        if self.chain == "previous_response_id":
            return {**self.plan.params, "input": list(self.outputs),
                    "previous_response_id": self.responses[-1].id}
        return {**self.plan.params, "input": list(self.items)}

    def step(self, response: Response) -> list[PendingCall]:
        """Read a round's response; the calls to run, or ``[]`` when the model has answered."""
        if isinstance(response, APIResponse):  # a ``with_raw_response`` resource
            response = response.parse()
        self.responses.append(response)
        if response.status == "failed":
            raise GptkitError(f"Round {len(self.responses)} of responses.run_tools failed "
                              f"(response {response.id}): {response.problem}")
        check_incomplete(response)
        self.items.extend(model_to_param(item) for item in response.output)
        calls = [item for item in response.output if isinstance(item, ResponseFunctionToolCall)]
        if not calls:
            return []
        if len(self.responses) >= self.max_rounds:
            raise ToolRoundsExceededError(self.max_rounds, messages=list(self.items), response=response)
        self.outputs = []
        return [pending_call(self.tools, call.call_id, call.name, call.arguments) for call in calls]

    def add_result(self, call: PendingCall, value: Any) -> None:
        """Answer ``call`` with a ``function_call_output`` item (its result or the argument error)."""
        item = {"type": "function_call_output", "call_id": call.id, "output": tool_output(call, value)}
        self.items.append(item)
        self.outputs.append(item)

    def finish(self) -> ResponsesToolRunResult[Any]:
        """The result, once ``step`` returned ``[]``."""
        parsed = parse_response(self.responses[-1], self.plan.model, self.plan.tools)
        return ResponsesToolRunResult(response=parsed, input=self.items, responses=self.responses)
