"""``client.chat.completions``: chat completions, streamed or not (stored ones: ``_chat_stored``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, TypeVar, overload

from typing_extensions import Unpack

from gptkit._core._base import Call, Endpoint
from gptkit._core._params import ParamValidator
from gptkit.resources._chat_stored import AsyncStoredCompletions, StoredCompletions
from gptkit.resources._common import lazy_kwargs
from gptkit.resources._quick import QUICK_CHAT
from gptkit.resources._resource import AsyncResource, Sub, SyncResource, _Resource
from gptkit.resources._twin import Awaits, twin
from gptkit.types.chat.chat_completion import ChatCompletion
from gptkit.types.request_options import RequestOptions

if TYPE_CHECKING:
    # Streams, structured outputs and the parameter types are imported when used: a plain
    # ``create`` (the first call of most programs) loads none of them (tests/test_cold_start.py).
    from gptkit._streams._chat import AsyncChatCompletionStreamManager, ChatCompletionStreamManager, Finisher
    from gptkit._streams._stream import AsyncStream, Stream  # noqa: F401  (the bases' strings name them)
    from gptkit._structured._parse import (
        ChatCompletionParseKwargs,
        ChatCompletionRunToolsKwargs,
        ParsePlan,
        ResponseModelT,
    )
    from gptkit._structured._runner import ToolRunResult
    from gptkit._structured._tools import ToolSpec
    from gptkit.types.chat.chat_completion_chunk import ChatCompletionChunk  # noqa: F401
    from gptkit.types.chat.completion_create_params import ChatCompletionCreateArgs
    from gptkit.types.parsed_chat import ParsedChatCompletion

__all__ = ["AsyncChat", "AsyncChatCompletions", "Chat", "ChatCompletionCreateKwargs", "ChatCompletions"]

CHAT_COMPLETIONS = Endpoint(
    method="POST",
    path="/chat/completions",
    response=ChatCompletion,
    validator=ParamValidator("gptkit.types.chat.completion_create_params:ChatCompletionCreateParams",
                             "chat.completions.create", quick=QUICK_CHAT),
    chunk="gptkit.types.chat.chat_completion_chunk:ChatCompletionChunk",
    stream_usage=True,
)


if TYPE_CHECKING:

    class ChatCompletionCreateKwargs(ChatCompletionCreateArgs, RequestOptions, total=False):
        """The keyword arguments of ``chat.completions.create`` other than ``stream``."""

else:
    # The parameter types load when first named, not with the resource: the quick check
    # (above) serves most programs' first call without them (tests/test_cold_start.py).
    __getattr__ = lazy_kwargs(__name__, {"ChatCompletionCreateKwargs": (
        "The keyword arguments of ``chat.completions.create`` other than ``stream``.",
        ("gptkit.types.chat.completion_create_params:ChatCompletionCreateArgs",
         "gptkit.types.request_options:RequestOptions"),
    )})


_Plain = TypeVar("_Plain")
_Streamed = TypeVar("_Streamed")
_Either = TypeVar("_Either")


class _ChatCreate(_Resource, Generic[_Plain, _Streamed, _Either]):
    """``create`` written once; the results it declares are each client's (see ``_twin``)."""

    @overload
    def create(
        self, *, stream: Literal[False] | None = None, **params: Unpack[ChatCompletionCreateKwargs]
    ) -> _Plain: ...
    @overload
    def create(self, *, stream: Literal[True], **params: Unpack[ChatCompletionCreateKwargs]) -> _Streamed: ...
    @overload
    def create(self, *, stream: bool, **params: Unpack[ChatCompletionCreateKwargs]) -> _Either: ...
    def create(self, *, stream: bool | None = None, **params: Unpack[ChatCompletionCreateKwargs]) -> Any:
        """Create a chat completion; with ``stream=True``, iterate over its chunks as they arrive
        (``async for`` on an ``AsyncClient``).

        Takes every parameter of the API's ``POST /chat/completions`` (validated before sending)
        plus ``extra_headers``, ``extra_query``, ``extra_body``, ``timeout`` and ``tags``.
        """
        return self._client._execute(self._client._prepare(CHAT_COMPLETIONS, params, stream=bool(stream),
                                                            raw=self._raw))


class ChatCompletions(
    _ChatCreate[ChatCompletion, "Stream[ChatCompletionChunk]",
                "ChatCompletion | Stream[ChatCompletionChunk]"],
    StoredCompletions,
):
    """Chat completions of a ``Client`` (and, inherited, the stored-completion methods).

    ``parse``, ``run_tools`` and ``stream`` serve the ``AsyncClient`` too (``AsyncChatCompletions``
    names them, with its own results for type checkers)."""

    # -- structured outputs and tools (gptkit._structured) -----------------------------------

    @overload
    def parse(
        self, *, response_format: type[ResponseModelT], **params: Unpack[ChatCompletionParseKwargs]
    ) -> ParsedChatCompletion[ResponseModelT]: ...
    @overload
    def parse(
        self, *, response_format: Mapping[str, Any] | None = None, **params: Unpack[ChatCompletionParseKwargs]
    ) -> ParsedChatCompletion[None]: ...
    def parse(
        self, *, response_format: Any = None, **params: Unpack[ChatCompletionParseKwargs]
    ) -> ParsedChatCompletion[Any]:
        """Create a chat completion and validate its answer into a pydantic model.

        ``response_format=MyModel`` sends MyModel's strict-mode JSON schema and returns a
        ``ParsedChatCompletion[MyModel]`` whose ``choices[i].message.parsed`` is a ``MyModel``
        (None when the model refused: see ``message.refusal``). Tool calls of strict tools made
        with ``gptkit.pydantic_function_tool``/``gptkit.function_tool`` get
        ``function.parsed_arguments``. A plain ``response_format`` dict is sent as it is.

        Raises ``StrictSchemaError`` (before any I/O) when the model cannot be expressed in
        strict mode, ``LengthFinishReasonError``/``ContentFilterFinishReasonError`` when the
        output was cut off or filtered, and ``StructuredOutputError`` (with ``.raw``) when it is
        not valid JSON or does not match the model. Otherwise takes what ``create`` takes.
        """
        from gptkit._structured._parse import plan_parse

        plan = plan_parse(params, response_format)
        result: ParsedChatCompletion[Any] = self._then(self.create(**plan.params), plan.finish)
        return result

    @overload
    def run_tools(
        self, *, tools: Sequence[ToolSpec], response_format: type[ResponseModelT], max_rounds: int = 10,
        **params: Unpack[ChatCompletionRunToolsKwargs],
    ) -> ToolRunResult[ResponseModelT]: ...
    @overload
    def run_tools(
        self, *, tools: Sequence[ToolSpec], response_format: Mapping[str, Any] | None = None,
        max_rounds: int = 10, **params: Unpack[ChatCompletionRunToolsKwargs],
    ) -> ToolRunResult[None]: ...
    def run_tools(
        self, *, tools: Sequence[ToolSpec], response_format: Any = None, max_rounds: int = 10,
        **params: Unpack[ChatCompletionRunToolsKwargs],
    ) -> ToolRunResult[Any]:
        """Call the model, run the tools it asks for, send their results, repeat until it answers.

        ``tools`` are the functions to run, sync or async: plain functions (``tools=[get_weather]``,
        described from their signature and docstring) or ``gptkit.function_tool(fn, ...)`` results.
        Each round is one ordinary ``create`` call (retries, rate limits, cost accounting);
        after ``max_rounds`` calls that still ask for tools, ``ToolRoundsExceededError`` is
        raised. Invalid tool arguments from the model are sent back to it as the tool's result;
        an exception raised by a tool function propagates (on an ``AsyncClient`` async tools are
        awaited, sync ones called in the event loop's thread). The final answer is parsed as in
        ``parse`` (``response_format`` optional). Returns a ``ToolRunResult`` with the parsed
        final ``completion``, the whole ``messages`` list and every round's completion.
        """
        from gptkit._structured._runner import ToolLoop, run_tools_async, run_tools_sync

        loop = ToolLoop({**params, "tools": tools}, response_format, max_rounds)
        run: Any = run_tools_async if self._is_async else run_tools_sync
        result: ToolRunResult[Any] = run(self.create, loop)
        return result

    @overload
    def stream(
        self, *, response_format: type[ResponseModelT], **params: Unpack[ChatCompletionParseKwargs]
    ) -> ChatCompletionStreamManager[ResponseModelT]: ...
    @overload
    def stream(
        self, *, response_format: Mapping[str, Any] | None = None, **params: Unpack[ChatCompletionParseKwargs]
    ) -> ChatCompletionStreamManager[None]: ...
    def stream(
        self, *, response_format: Any = None, **params: Unpack[ChatCompletionParseKwargs]
    ) -> ChatCompletionStreamManager[Any]:
        """Stream a chat completion in a ``with`` block (``async with`` on an ``AsyncClient``), the
        official SDK's helper shape.

        ``with client.chat.completions.stream(model=..., messages=...) as stream:`` yields an
        object to iterate over chunks (``async for``), with ``text_stream`` for the text alone and
        ``get_final_completion()`` (awaited on an ``AsyncClient``). With ``response_format=MyModel``
        the final completion is a ``ParsedChatCompletion[MyModel]``, as ``parse`` returns it.
        Parameters are validated now; the request is sent on entry.
        """
        from gptkit._streams._chat import AsyncChatCompletionStreamManager, ChatCompletionStreamManager
        from gptkit._structured._parse import plan_parse

        plan = plan_parse(params, response_format, method="stream")
        call: Call = self._client._prepare(CHAT_COMPLETIONS, plan.params, stream=True)
        manager = AsyncChatCompletionStreamManager if self._is_async else ChatCompletionStreamManager
        return manager(lambda: self._client._execute(call), _finisher(plan),  # type: ignore[return-value]
                       response_format=plan.model, input_tools=plan.params.get("tools", ()))


class AsyncChatCompletions(
    _ChatCreate[Awaits[ChatCompletion], "Awaits[AsyncStream[ChatCompletionChunk]]",
                "Awaits[ChatCompletion | AsyncStream[ChatCompletionChunk]]"],
    AsyncStoredCompletions,
):
    """Chat completions of an ``AsyncClient`` (and, inherited, the stored-completion methods):
    ``ChatCompletions``'s methods, awaited (``stream`` gives an ``async with`` manager)."""

    if TYPE_CHECKING:  # the results type checkers see; the methods are ``ChatCompletions``'s

        @overload
        async def parse(
            self, *, response_format: type[ResponseModelT], **params: Unpack[ChatCompletionParseKwargs]
        ) -> ParsedChatCompletion[ResponseModelT]: ...
        @overload
        async def parse(
            self, *, response_format: Mapping[str, Any] | None = None,
            **params: Unpack[ChatCompletionParseKwargs],
        ) -> ParsedChatCompletion[None]: ...
        async def parse(
            self, *, response_format: Any = None, **params: Unpack[ChatCompletionParseKwargs]
        ) -> ParsedChatCompletion[Any]: ...
        @overload
        async def run_tools(
            self, *, tools: Sequence[ToolSpec], response_format: type[ResponseModelT], max_rounds: int = 10,
            **params: Unpack[ChatCompletionRunToolsKwargs],
        ) -> ToolRunResult[ResponseModelT]: ...
        @overload
        async def run_tools(
            self, *, tools: Sequence[ToolSpec], response_format: Mapping[str, Any] | None = None,
            max_rounds: int = 10, **params: Unpack[ChatCompletionRunToolsKwargs],
        ) -> ToolRunResult[None]: ...
        async def run_tools(
            self, *, tools: Sequence[ToolSpec], response_format: Any = None, max_rounds: int = 10,
            **params: Unpack[ChatCompletionRunToolsKwargs],
        ) -> ToolRunResult[Any]: ...
        @overload
        def stream(
            self, *, response_format: type[ResponseModelT], **params: Unpack[ChatCompletionParseKwargs]
        ) -> AsyncChatCompletionStreamManager[ResponseModelT]: ...
        @overload
        def stream(
            self, *, response_format: Mapping[str, Any] | None = None,
            **params: Unpack[ChatCompletionParseKwargs],
        ) -> AsyncChatCompletionStreamManager[None]: ...
        def stream(
            self, *, response_format: Any = None, **params: Unpack[ChatCompletionParseKwargs]
        ) -> AsyncChatCompletionStreamManager[Any]: ...
    else:
        create = twin(_ChatCreate.create)
        parse = twin(ChatCompletions.parse)
        run_tools = twin(ChatCompletions.run_tools)
        stream = ChatCompletions.stream


def _finisher(plan: ParsePlan) -> Finisher:
    # As the official helper: always a ParsedChatCompletion; only a parseable stream (a model, or
    # strict tools) treats a cut-off or filtered answer as an error.
    from gptkit._structured._parse import parse_completion

    check = plan.model is not None or bool(plan.tools)
    return lambda final: parse_completion(final, plan.model, plan.tools, check=check)


class _ChatSpace(_Resource):
    completions: Final = Sub(ChatCompletions, AsyncChatCompletions)  # perf: then read from the instance
    """``client.chat.completions``: chat completions (raw under ``client.chat.with_raw_response``)."""


class Chat(_ChatSpace, SyncResource):
    """``client.chat`` of a ``Client``: the namespace of ``client.chat.completions``."""


class AsyncChat(_ChatSpace, AsyncResource):
    """``client.chat`` of an ``AsyncClient``."""
