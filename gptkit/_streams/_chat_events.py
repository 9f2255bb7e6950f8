"""``ChatCompletionStreamState``: chunks in, the official stream events out (sans-IO).

For each chunk it updates a snapshot of the completion in place (text and arguments grow by
concatenation, nothing is rebuilt from the start) and returns the events the chunk makes: first
``chunk``, then per choice the deltas (content, refusal, tool-call arguments, log probabilities)
and the ``...done`` events of the parts the chunk completed. A part is complete when its choice
finishes, or (content, refusal) when a tool call starts, or (a tool call) when the next begins:
the same order and rules as the official package, so programs that test ``event.type`` see the
same sequence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Generic, TypeAlias

import pydantic
from pydantic_core import from_json

from gptkit._core._params import NOT_GIVEN, NotGiven
from gptkit._exceptions import ContentFilterFinishReasonError, LengthFinishReasonError
from gptkit._streams._chat_event_types import (
    ChatCompletionStreamEvent,
    ChunkEvent,
    ContentDeltaEvent,
    ContentDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
    LogprobsContentDeltaEvent,
    LogprobsContentDoneEvent,
    LogprobsRefusalDeltaEvent,
    LogprobsRefusalDoneEvent,
    ParsedChatCompletionMessageSnapshot,
    ParsedChatCompletionSnapshot,
    ParsedChoiceSnapshot,
    RefusalDeltaEvent,
    RefusalDoneEvent,
    ResponseFormatT,
)
from gptkit._structured._parse import json_arguments, parse_completion, validate_json
from gptkit._structured._tools import PydanticFunctionTool
from gptkit.types.chat.chat_completion import ChoiceLogprobs
from gptkit.types.chat.chat_completion_chunk import ChatCompletionChunk
from gptkit.types.chat.chat_completion_chunk import Choice as ChunkChoice
from gptkit.types.chat.chat_completion_message import FunctionCall
from gptkit.types.chat.parsed_chat_completion import ParsedChatCompletion
from gptkit.types.chat.parsed_function_tool_call import ParsedFunction, ParsedFunctionToolCall

__all__ = ["ChatCompletionStreamState", "is_chat_chunk"]

_Events: TypeAlias = "list[ChatCompletionStreamEvent[Any]]"


def is_chat_chunk(chunk: ChatCompletionChunk) -> bool:
    """Whether ``chunk`` is a completion chunk (Azure's asynchronous filter sends others)."""
    return chunk.object == "chat.completion.chunk"


def _partial_json(text: str) -> object:
    try:
        return from_json(text, allow_partial=True)
    except ValueError:
        return None  # not JSON (yet): nothing to show


class _Tools:
    """The caller's tools by name: which arguments are parsed, and into what."""

    def __init__(self, tools: Iterable[Any]) -> None:
        self.by_name: dict[str, Mapping[str, Any]] = {}
        for tool in tools:
            if isinstance(tool, Mapping) and tool.get("type") == "function":
                function = tool.get("function")
                if isinstance(function, Mapping) and isinstance(function.get("name"), str):
                    self.by_name[function["name"]] = tool

    def strict(self, name: str) -> bool:
        tool = self.by_name.get(name)
        return tool is not None and bool(tool["function"].get("strict"))

    def parseable(self) -> bool:
        return any(self.strict(name) or isinstance(tool, PydanticFunctionTool)
                   for name, tool in self.by_name.items())

    def parsed(self) -> dict[str, PydanticFunctionTool | None]:
        """What ``parse_completion`` parses: gptkit tools into their model, strict ones as JSON."""
        return {name: tool if isinstance(tool, PydanticFunctionTool) else None
                for name, tool in self.by_name.items()
                if isinstance(tool, PydanticFunctionTool) or self.strict(name)}

    def parse(self, function: ParsedFunction, completion: ParsedChatCompletionSnapshot) -> object:
        """The complete arguments parsed: a gptkit tool's model, a strict tool's JSON, else None."""
        tool = self.by_name.get(function.name)
        if isinstance(tool, PydanticFunctionTool):
            return validate_json(tool.model, function.arguments, completion, function.name)
        if tool is None or not self.strict(function.name):
            return None
        return json_arguments(function.arguments, completion, function.name)


class _ChoiceState:
    """Which parts of one choice have had their ``...done`` event."""

    __slots__ = ("content_done", "current_tool", "done_tools", "logprobs_content_done",
                 "logprobs_refusal_done", "refusal_done")

    def __init__(self) -> None:
        self.content_done = False
        self.refusal_done = False
        self.logprobs_content_done = False
        self.logprobs_refusal_done = False
        self.done_tools: set[int] = set()
        self.current_tool: int | None = None


class ChatCompletionStreamState(Generic[ResponseFormatT]):
    """Accumulates ``ChatCompletionChunk`` objects into a completion and the stream's events.

    For streams read without the helper: ``state.handle_chunk(chunk)`` returns the chunk's events;
    ``current_completion_snapshot`` is the completion so far; ``get_final_completion()`` (once
    the stream is over) the parsed completion.
    """

    def __init__(self, *, input_tools: Iterable[Any] | NotGiven | None = NOT_GIVEN,
                 response_format: Any = NOT_GIVEN) -> None:
        tools = [] if isinstance(input_tools, NotGiven) or input_tools is None else list(input_tools)
        self._tools = _Tools(tools)
        self._model: type[pydantic.BaseModel] | None = (
            response_format if isinstance(response_format, type)
            and issubclass(response_format, pydantic.BaseModel) else None
        )
        self._parseable = self._model is not None or self._tools.parseable()
        self._snapshot: ParsedChatCompletionSnapshot | None = None
        self._choices: dict[int, tuple[ParsedChoiceSnapshot, _ChoiceState]] = {}

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletionSnapshot:
        """The completion accumulated so far (after the first chunk)."""
        if self._snapshot is None:
            raise RuntimeError("no chunk has been handled yet")
        return self._snapshot

    def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The parsed completion; call it when the stream is over."""
        final: ParsedChatCompletion[Any] = parse_completion(
            self.current_completion_snapshot, self._model, self._tools.parsed(), check=self._parseable)
        return final

    def handle_chunk(self, chunk: ChatCompletionChunk) -> list[ChatCompletionStreamEvent[ResponseFormatT]]:
        """Add ``chunk`` to the snapshot; return the events it makes, ``chunk`` first."""
        # The official state parses nothing partial on the first chunk; so do we, for the same events.
        first = self._snapshot is None
        snapshot = self._header(chunk)
        events: _Events = [ChunkEvent.model_construct(type="chunk", chunk=chunk, snapshot=snapshot)]
        for choice in chunk.choices:
            entry = self._choices.get(choice.index)
            if entry is None:
                entry = self._choices[choice.index] = (_new_choice(choice), _ChoiceState())
                snapshot.choices.append(entry[0])
            self._accumulate(choice, entry[0], snapshot, partial=not first)
            self._deltas(choice, entry[0], events)
            self._done(choice, entry[0], entry[1], events)
        return events

    # -- the snapshot -------------------------------------------------------------------------

    def _header(self, chunk: ChatCompletionChunk) -> ParsedChatCompletionSnapshot:
        snapshot = self._snapshot
        if snapshot is None:
            fields = {name: getattr(chunk, name) for name in chunk.model_fields_set
                      if name not in ("choices", "object", "obfuscation")}
            extra = {k: v for k, v in (chunk.__pydantic_extra__ or {}).items() if k != "obfuscation"}
            snapshot = self._snapshot = ParsedChatCompletionSnapshot.model_construct(
                **{"system_fingerprint": None, **fields, **extra}, object="chat.completion", choices=[])
            return snapshot
        if chunk.usage is not None:
            snapshot.usage = chunk.usage
        if chunk.system_fingerprint is not None:
            snapshot.system_fingerprint = chunk.system_fingerprint
        return snapshot

    def _accumulate(self, choice: ChunkChoice, state: ParsedChoiceSnapshot,
                    snapshot: ParsedChatCompletionSnapshot, *, partial: bool) -> None:
        delta = choice.delta
        message = state.message
        if delta.role is not None:
            message.role = delta.role
        if delta.content is not None:
            message.content = (message.content or "") + delta.content
        if delta.refusal is not None:
            message.refusal = (message.refusal or "") + delta.refusal
        if delta.function_call is not None:
            call = message.function_call
            if call is None:
                call = message.function_call = FunctionCall.model_construct(name="", arguments="")
            call.name += delta.function_call.name or ""
            call.arguments += delta.function_call.arguments or ""
        for part in delta.tool_calls or ():
            calls = message.tool_calls
            if calls is None:
                calls = message.tool_calls = []
            while len(calls) <= part.index:  # a tool call starts at its index
                calls.append(ParsedFunctionToolCall.model_construct(
                    id="", type="function",
                    function=ParsedFunction.model_construct(name="", arguments="", parsed_arguments=None)))
            call_snapshot = calls[part.index]
            if part.id:
                call_snapshot.id = part.id
            if part.type:
                call_snapshot.type = part.type
            function = part.function
            if function is not None:
                target = call_snapshot.function
                if function.name and function.name != target.name:
                    target.name += function.name
                if function.arguments:
                    target.arguments += function.arguments
                    if partial and self._tools.strict(target.name):
                        target.parsed_arguments = _partial_json(target.arguments)
        if choice.finish_reason is not None:
            state.finish_reason = choice.finish_reason
            if self._parseable and choice.finish_reason == "length":
                raise LengthFinishReasonError(snapshot)
            if self._parseable and choice.finish_reason == "content_filter":
                raise ContentFilterFinishReasonError(snapshot)
        if (partial and self._model is not None and message.content and not message.refusal
                and message.content.lstrip()):
            message.parsed = _partial_json(message.content)
        logprobs = choice.logprobs
        if logprobs is not None:
            kept = state.logprobs
            if kept is None:  # the first lists are kept as they came (an empty list stays one)
                state.logprobs = ChoiceLogprobs.model_construct(
                    content=None if logprobs.content is None else list(logprobs.content),
                    refusal=None if logprobs.refusal is None else list(logprobs.refusal))
            else:
                if logprobs.content:
                    kept.content = [*(kept.content or ()), *logprobs.content]
                if logprobs.refusal:
                    kept.refusal = [*(kept.refusal or ()), *logprobs.refusal]

    # -- the events ---------------------------------------------------------------------------

    @staticmethod
    def _deltas(choice: ChunkChoice, state: ParsedChoiceSnapshot, events: _Events) -> None:
        delta = choice.delta
        message = state.message
        if delta.content is not None and message.content is not None:
            events.append(ContentDeltaEvent.model_construct(
                type="content.delta", delta=delta.content, snapshot=message.content, parsed=message.parsed))
        if delta.refusal is not None and message.refusal is not None:
            events.append(RefusalDeltaEvent.model_construct(
                type="refusal.delta", delta=delta.refusal, snapshot=message.refusal))
        for part in delta.tool_calls or ():
            function = (message.tool_calls or [])[part.index].function
            events.append(FunctionToolCallArgumentsDeltaEvent.model_construct(
                type="tool_calls.function.arguments.delta", name=function.name, index=part.index,
                arguments=function.arguments, parsed_arguments=function.parsed_arguments,
                arguments_delta=(part.function.arguments if part.function is not None else None) or ""))
        logprobs, kept = choice.logprobs, state.logprobs
        if logprobs is not None and kept is not None:
            if logprobs.content and kept.content:
                events.append(LogprobsContentDeltaEvent.model_construct(
                    type="logprobs.content.delta", content=logprobs.content, snapshot=kept.content))
            if logprobs.refusal and kept.refusal:
                events.append(LogprobsRefusalDeltaEvent.model_construct(
                    type="logprobs.refusal.delta", refusal=logprobs.refusal, snapshot=kept.refusal))

    def _done(self, choice: ChunkChoice, snapshot: ParsedChoiceSnapshot, state: _ChoiceState,
              events: _Events) -> None:
        if snapshot.finish_reason:
            self._content_done(snapshot, state, events)
            if state.current_tool is not None:
                self._tool_done(snapshot, state, state.current_tool, events)
        for part in choice.delta.tool_calls or ():
            if state.current_tool != part.index:
                # A new tool call: the text before it, and the call before it, are complete.
                self._content_done(snapshot, state, events)
                if state.current_tool is not None:
                    self._tool_done(snapshot, state, state.current_tool, events)
            state.current_tool = part.index

    def _content_done(self, snapshot: ParsedChoiceSnapshot, state: _ChoiceState, events: _Events) -> None:
        message = snapshot.message
        if message.content and not state.content_done:
            state.content_done = True
            parsed = None
            if self._model is not None and not message.refusal:
                parsed = validate_json(self._model, message.content, self.current_completion_snapshot, None)
            message.parsed = parsed  # the model instance replaces the partial JSON
            events.append(ContentDoneEvent.model_construct(
                type="content.done", content=message.content, parsed=parsed))
        if message.refusal is not None and not state.refusal_done:
            state.refusal_done = True
            events.append(RefusalDoneEvent.model_construct(type="refusal.done", refusal=message.refusal))
        logprobs = snapshot.logprobs
        if logprobs is not None and logprobs.content is not None and not state.logprobs_content_done:
            state.logprobs_content_done = True
            events.append(LogprobsContentDoneEvent.model_construct(
                type="logprobs.content.done", content=logprobs.content))
        if logprobs is not None and logprobs.refusal is not None and not state.logprobs_refusal_done:
            state.logprobs_refusal_done = True
            events.append(LogprobsRefusalDoneEvent.model_construct(
                type="logprobs.refusal.done", refusal=logprobs.refusal))

    def _tool_done(self, snapshot: ParsedChoiceSnapshot, state: _ChoiceState, index: int,
                   events: _Events) -> None:
        if index in state.done_tools:
            return
        state.done_tools.add(index)
        function = (snapshot.message.tool_calls or [])[index].function
        parsed = self._tools.parse(function, self.current_completion_snapshot)
        function.parsed_arguments = parsed
        events.append(FunctionToolCallArgumentsDoneEvent.model_construct(
            type="tool_calls.function.arguments.done", index=index, name=function.name,
            arguments=function.arguments, parsed_arguments=parsed))


def _new_choice(choice: ChunkChoice) -> ParsedChoiceSnapshot:
    extra = dict(choice.__pydantic_extra__ or {})
    message = ParsedChatCompletionMessageSnapshot.model_construct(
        role="assistant", content=None, refusal=None, tool_calls=None, parsed=None)
    return ParsedChoiceSnapshot.model_construct(
        **extra, index=choice.index, finish_reason=None, logprobs=None, message=message)
