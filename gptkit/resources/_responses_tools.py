"""``client.responses.parse`` and ``client.responses.run_tools``: structured outputs and the tool
loop of the Responses API, as thin shells over ``gptkit._structured`` (each one or more ordinary
``create`` calls). ``Responses`` and ``AsyncResponses`` inherit them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast, overload

from typing_extensions import Unpack

from gptkit.resources._common import lazy_kwargs
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources._twin import twin

if TYPE_CHECKING:  # loaded on the first parse/run_tools call: a plain create needs none of it
    from gptkit._structured._parse import ResponseModelT
    from gptkit._structured._responses_runner import Chain, ResponsesToolRunResult
    from gptkit._structured._tools import ToolSpec
    from gptkit.types.request_options import RequestOptions
    from gptkit.types.responses.parsed_response import ParsedResponse
    from gptkit.types.responses.response_create_params import ResponseCreateArgs, _ResponseArgsBase

__all__ = ["AsyncResponsesTools", "ResponseParseKwargs", "ResponseRunToolsKwargs", "ResponsesTools"]


if TYPE_CHECKING:

    class ResponseParseKwargs(ResponseCreateArgs, RequestOptions, total=False):
        """The keyword arguments of ``responses.parse`` other than ``text_format``."""

    class ResponseRunToolsKwargs(_ResponseArgsBase, RequestOptions, total=False):
        """The keyword arguments of ``responses.run_tools`` other than ``tools``, ``text_format``,
        ``max_rounds`` and ``chain``."""

else:
    # Defined when first named: their parameter types are not needed by a plain create.
    _PARAMS = "gptkit.types.responses.response_create_params:"
    _OPTIONS = "gptkit.types.request_options:RequestOptions"
    __getattr__ = lazy_kwargs(__name__, {
        "ResponseParseKwargs": ("The keyword arguments of ``responses.parse`` other than ``text_format``.",
                                (_PARAMS + "ResponseCreateArgs", _OPTIONS)),
        "ResponseRunToolsKwargs": ("The keyword arguments of ``responses.run_tools`` other than ``tools``, "
                                   "``text_format``, ``max_rounds`` and ``chain``.",
                                   (_PARAMS + "_ResponseArgsBase", _OPTIONS)),
    })


class ResponsesTools(SyncResource):
    """``parse`` and ``run_tools`` of ``client.responses``."""

    @overload
    def parse(
        self, *, text_format: type[ResponseModelT], **params: Unpack[ResponseParseKwargs]
    ) -> ParsedResponse[ResponseModelT]: ...
    @overload
    def parse(
        self, *, text_format: None = None, **params: Unpack[ResponseParseKwargs]
    ) -> ParsedResponse[None]: ...
    def parse(
        self, *, text_format: Any = None, **params: Unpack[ResponseParseKwargs]
    ) -> ParsedResponse[Any]:
        """Create a response whose text is validated into ``text_format``, a pydantic model.

        Sends a strict ``text.format`` JSON schema built from the model and returns a
        ``ParsedResponse[Model]``: ``output_parsed`` is the validated answer (None when the model
        refused: the message then holds a ``refusal`` part). Function tools built by gptkit
        (``pydantic_responses_function_tool(Model)``, or ``pydantic_function_tool(Model)``,
        converted to the Responses shape) get ``parsed_arguments`` on their ``function_call``
        items. Raises ``StrictSchemaError`` before sending when strict mode cannot express the
        model, ``LengthFinishReasonError`` / ``ContentFilterFinishReasonError`` (with
        ``.response``) when the response is ``incomplete``, and ``StructuredOutputError`` (with
        ``.raw``) when the text is not valid JSON or does not match. Otherwise takes what
        ``create`` takes."""
        from gptkit._structured._responses import plan_responses_parse

        plan = plan_responses_parse(params, text_format)
        result: ParsedResponse[Any] = self._then(cast(Any, self).create(**plan.params), plan.finish)
        return result

    @overload
    def run_tools(
        self, *, tools: Sequence[ToolSpec], text_format: type[ResponseModelT], max_rounds: int = 10,
        chain: Chain | None = None, **params: Unpack[ResponseRunToolsKwargs],
    ) -> ResponsesToolRunResult[ResponseModelT]: ...
    @overload
    def run_tools(
        self, *, tools: Sequence[ToolSpec], text_format: None = None, max_rounds: int = 10,
        chain: Chain | None = None, **params: Unpack[ResponseRunToolsKwargs],
    ) -> ResponsesToolRunResult[None]: ...
    def run_tools(
        self, *, tools: Sequence[ToolSpec], text_format: Any = None, max_rounds: int = 10,
        chain: Chain | None = None, **params: Unpack[ResponseRunToolsKwargs],
    ) -> ResponsesToolRunResult[Any]:
        """Call the model, run the functions it calls, send their results, repeat until
        it answers.

        ``tools`` are the functions to run, sync or async: plain functions (described from their
        signature and docstring) or ``gptkit.function_tool(fn, ...)`` results. Each round is one
        ordinary ``create`` call (retries, rate limits, budgets, cost accounting); each
        ``function_call`` item is answered with a ``function_call_output`` item. ``chain`` says
        how the conversation travels: ``"previous_response_id"`` (the default for stored
        responses: only the new items are sent) or ``"input"`` (the default with ``store=False``:
        the whole conversation each round); with ``conversation=...`` the conversation carries
        it. After ``max_rounds`` calls that still call functions, ``ToolRoundsExceededError`` is
        raised. Invalid arguments from the model are sent back to it as the call's output; an
        exception raised by a tool function propagates (on an ``AsyncClient`` async tools are
        awaited, sync ones called in the event loop's thread). The final response is parsed as in
        ``parse`` (``text_format`` optional). Returns a ``ResponsesToolRunResult``: the parsed
        final ``response``, the whole conversation as ``input`` items, every round's response
        and their summed ``cost``."""
        from gptkit._structured._responses_runner import ResponsesToolLoop
        from gptkit._structured._runner import run_tools_async, run_tools_sync

        loop = ResponsesToolLoop({**params, "tools": tools}, text_format, max_rounds, chain)
        run: Any = run_tools_async if self._is_async else run_tools_sync
        result: ResponsesToolRunResult[Any] = run(cast(Any, self).create, loop)
        return result


class AsyncResponsesTools(AsyncResource):
    """``parse`` and ``run_tools`` of an async client's ``responses``: ``ResponsesTools``'s, awaited."""

    if TYPE_CHECKING:  # the results type checkers see; the methods are ``ResponsesTools``'s

        @overload
        async def parse(
            self, *, text_format: type[ResponseModelT], **params: Unpack[ResponseParseKwargs]
        ) -> ParsedResponse[ResponseModelT]: ...
        @overload
        async def parse(
            self, *, text_format: None = None, **params: Unpack[ResponseParseKwargs]
        ) -> ParsedResponse[None]: ...
        async def parse(
            self, *, text_format: Any = None, **params: Unpack[ResponseParseKwargs]
        ) -> ParsedResponse[Any]: ...
        @overload
        async def run_tools(
            self, *, tools: Sequence[ToolSpec], text_format: type[ResponseModelT], max_rounds: int = 10,
            chain: Chain | None = None, **params: Unpack[ResponseRunToolsKwargs],
        ) -> ResponsesToolRunResult[ResponseModelT]: ...
        @overload
        async def run_tools(
            self, *, tools: Sequence[ToolSpec], text_format: None = None, max_rounds: int = 10,
            chain: Chain | None = None, **params: Unpack[ResponseRunToolsKwargs],
        ) -> ResponsesToolRunResult[None]: ...
        async def run_tools(
            self, *, tools: Sequence[ToolSpec], text_format: Any = None, max_rounds: int = 10,
            chain: Chain | None = None, **params: Unpack[ResponseRunToolsKwargs],
        ) -> ResponsesToolRunResult[Any]: ...
    else:
        parse = twin(ResponsesTools.parse)
        run_tools = twin(ResponsesTools.run_tools)
