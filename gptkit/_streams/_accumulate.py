"""Sans-IO accumulators: stream chunks in, the final non-streamed response object out.

Each ``add(chunk)`` does constant work per field it touches: text pieces are appended to lists
and joined once in ``final()``, tool calls are kept by their ``index``. Nothing is rebuilt per
chunk, so accumulating a stream is linear in its length. ``snapshot()`` builds the object so far
on demand (linear, so call it when needed, not per chunk).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from gptkit.types._base import APIObject
from gptkit.types.chat import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionTokenLogprob,
    ChoiceDelta,
    ChunkChoice,
)
from gptkit.types.shared import CompletionUsage

if TYPE_CHECKING:  # the legacy completion types load with the first legacy stream
    from gptkit.types.completion import Completion, CompletionChoice

__all__ = ["Accumulator", "ChatCompletionAccumulator", "CompletionAccumulator", "accumulator_for"]

C_contra = TypeVar("C_contra", bound=APIObject, contravariant=True)
F_co = TypeVar("F_co", bound=APIObject, covariant=True)


class Accumulator(Protocol[C_contra, F_co]):
    """Turns a stream's chunks into its final object."""

    def add(self, chunk: C_contra) -> None: ...
    def final(self) -> F_co: ...


class _Header:
    """The response-level fields: the first non-empty id/model/created, the last of the rest."""

    def __init__(self) -> None:
        self.id = ""
        self.model = ""
        self.created = 0
        self.system_fingerprint: str | None = None
        self.service_tier: str | None = None
        self.usage: CompletionUsage | None = None

    def _header(self, chunk: Any) -> None:
        if not self.id:
            self.id = chunk.id
        if not self.model:
            self.model = chunk.model
        if not self.created:
            self.created = chunk.created
        fingerprint = chunk.system_fingerprint
        if fingerprint is not None:
            self.system_fingerprint = fingerprint
        usage = chunk.usage
        if usage is not None:  # some servers repeat a running total; the last one is final
            self.usage = usage


def _merge_extra(target: dict[str, Any], extra: dict[str, Any]) -> None:
    """Providers' own delta fields (e.g. ``reasoning_content``): text concatenates, lists extend."""
    for key, value in extra.items():
        if value is None:
            continue
        old = target.get(key)
        if isinstance(value, str) and isinstance(old, str):
            target[key] = old + value
        elif isinstance(value, list):
            if isinstance(old, list):
                old.extend(value)
            else:
                target[key] = list(value)  # our own copy, extended in place later
        else:
            target[key] = value


class _ToolCall:
    __slots__ = ("arguments", "id", "name", "type")

    def __init__(self) -> None:
        self.id: str | None = None
        self.type: str | None = None
        self.name = ""
        self.arguments: list[str] = []


class _ChatChoice:
    __slots__ = ("content", "extra", "finish_reason", "function_call", "has_logprobs", "logprobs_content",
                 "logprobs_refusal", "message_extra", "refusal", "role", "tool_calls")

    def __init__(self) -> None:
        self.role: str | None = None
        self.content: list[str] | None = None
        self.refusal: list[str] | None = None
        self.tool_calls: dict[int, _ToolCall] | None = None
        self.function_call: _ToolCall | None = None
        self.finish_reason: str | None = None
        self.has_logprobs = False
        self.logprobs_content: list[ChatCompletionTokenLogprob] | None = None
        self.logprobs_refusal: list[ChatCompletionTokenLogprob] | None = None
        self.message_extra: dict[str, Any] | None = None
        self.extra: dict[str, Any] | None = None

    def add(self, choice: ChunkChoice) -> None:
        delta: ChoiceDelta = choice.delta
        content = delta.content
        if content is not None:
            if self.content is None:
                self.content = [content]
            else:
                self.content.append(content)
        if delta.role is not None:
            self.role = delta.role
        if delta.refusal is not None:
            if self.refusal is None:
                self.refusal = []
            self.refusal.append(delta.refusal)
        if delta.tool_calls:
            if self.tool_calls is None:
                self.tool_calls = {}
            for part in delta.tool_calls:
                call = self.tool_calls.get(part.index)
                if call is None:
                    call = self.tool_calls[part.index] = _ToolCall()
                _add_call_part(call, part.id, part.type, part.function)
        if delta.function_call is not None:
            if self.function_call is None:
                self.function_call = _ToolCall()
            _add_call_part(self.function_call, None, None, delta.function_call)
        if choice.finish_reason is not None:
            self.finish_reason = choice.finish_reason
        logprobs = choice.logprobs
        if logprobs is not None:
            self.has_logprobs = True
            if logprobs.content is not None:
                if self.logprobs_content is None:
                    self.logprobs_content = []
                self.logprobs_content.extend(logprobs.content)
            if logprobs.refusal is not None:
                if self.logprobs_refusal is None:
                    self.logprobs_refusal = []
                self.logprobs_refusal.extend(logprobs.refusal)
        extra = delta.__pydantic_extra__
        if extra:
            if self.message_extra is None:
                self.message_extra = {}
            _merge_extra(self.message_extra, extra)
        extra = choice.__pydantic_extra__
        if extra:
            if self.extra is None:
                self.extra = {}
            self.extra.update({k: v for k, v in extra.items() if v is not None})

    def build(self, index: int) -> dict[str, Any]:
        message: dict[str, Any] = dict(self.message_extra or {})
        message["role"] = self.role or "assistant"
        message["content"] = "".join(self.content) if self.content is not None else None
        message["refusal"] = "".join(self.refusal) if self.refusal is not None else None
        if self.tool_calls:
            message["tool_calls"] = [
                {"id": call.id or "", "type": call.type or "function",
                 "function": {"name": call.name, "arguments": "".join(call.arguments)}}
                for _, call in sorted(self.tool_calls.items())
            ]
        if self.function_call is not None:
            message["function_call"] = {"name": self.function_call.name,
                                        "arguments": "".join(self.function_call.arguments)}
        choice: dict[str, Any] = dict(self.extra or {})
        choice.update(index=index, message=message, finish_reason=self.finish_reason)
        choice["logprobs"] = None
        if self.has_logprobs:
            choice["logprobs"] = {"content": self.logprobs_content, "refusal": self.logprobs_refusal}
        return choice


def _add_call_part(call: _ToolCall, id: str | None, type: str | None, function: Any) -> None:
    # Most servers send id/type/name once, in the first piece; some repeat them in every piece,
    # so a repeated id or type is kept, not appended, while names and arguments concatenate.
    if id:
        call.id = id
    if type:
        call.type = type
    if function is not None:
        name = function.name
        if name and name != call.name:
            call.name += name  # names are short: concatenating is cheap
        if function.arguments:
            call.arguments.append(function.arguments)


class ChatCompletionAccumulator(_Header):
    """``ChatCompletionChunk`` objects in, the ``ChatCompletion`` the same call would return."""

    def __init__(self) -> None:
        super().__init__()
        self._choices: dict[int, _ChatChoice] = {}

    def add(self, chunk: ChatCompletionChunk) -> None:
        self._header(chunk)
        if chunk.service_tier is not None:
            self.service_tier = chunk.service_tier
        choices = self._choices
        for choice in chunk.choices:
            state = choices.get(choice.index)
            if state is None:
                state = choices[choice.index] = _ChatChoice()
            state.add(choice)

    def final(self) -> ChatCompletion:
        """The accumulated ``ChatCompletion`` (choices in index order)."""
        return ChatCompletion.model_validate({
            "id": self.id,
            "object": "chat.completion",
            "created": self.created,
            "model": self.model,
            "choices": [state.build(index) for index, state in sorted(self._choices.items())],
            "usage": self.usage,
            "system_fingerprint": self.system_fingerprint,
            "service_tier": self.service_tier,
        })

    snapshot = final


class _TextChoice:
    __slots__ = ("finish_reason", "logprobs", "text")

    def __init__(self) -> None:
        self.text: list[str] = []
        self.finish_reason: str | None = None
        self.logprobs: dict[str, list[Any]] | None = None


_LOGPROB_LISTS = ("text_offset", "token_logprobs", "tokens", "top_logprobs")


class CompletionAccumulator(_Header):
    """Legacy ``Completion`` chunks in, the ``Completion`` the same call would return."""

    def __init__(self) -> None:
        super().__init__()
        self._choices: dict[int, _TextChoice] = {}

    def add(self, chunk: Completion) -> None:
        self._header(chunk)
        choices = self._choices
        for choice in chunk.choices:
            state = choices.get(choice.index)
            if state is None:
                state = choices[choice.index] = _TextChoice()
            self._add_choice(state, choice)

    @staticmethod
    def _add_choice(state: _TextChoice, choice: CompletionChoice) -> None:
        if choice.text:
            state.text.append(choice.text)
        if choice.finish_reason is not None:
            state.finish_reason = choice.finish_reason
        logprobs = choice.logprobs
        if logprobs is not None:
            if state.logprobs is None:
                state.logprobs = {}
            for name in _LOGPROB_LISTS:
                values = getattr(logprobs, name)
                if values is not None:
                    state.logprobs.setdefault(name, []).extend(values)

    def final(self) -> Completion:
        """The accumulated ``Completion`` (choices in index order)."""
        from gptkit.types.completion import Completion

        return Completion.model_validate({
            "id": self.id,
            "object": "text_completion",
            "created": self.created,
            "model": self.model,
            "choices": [
                {"index": index, "text": "".join(state.text), "finish_reason": state.finish_reason,
                 "logprobs": state.logprobs}
                for index, state in sorted(self._choices.items())
            ],
            "usage": self.usage,
            "system_fingerprint": self.system_fingerprint,
        })

    snapshot = final


def accumulator_for(chunk_type: type[APIObject]) -> Accumulator[Any, Any] | None:
    """A fresh accumulator for a stream of ``chunk_type`` chunks, or None when none is known."""
    if chunk_type is ChatCompletionChunk:
        return ChatCompletionAccumulator()
    legacy = sys.modules.get("gptkit.types.completion")  # not imported: not a legacy stream
    if legacy is not None and chunk_type is legacy.Completion:
        return CompletionAccumulator()
    factory = getattr(chunk_type, "new_accumulator", None)  # an EventUnion carries its own
    return factory() if factory is not None else None
