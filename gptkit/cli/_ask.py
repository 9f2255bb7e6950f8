"""``gptkit ask``: one question, the answer streamed to stdout, usage and cost on stderr.

``--api chat`` (the default) asks ``chat.completions``, which every OpenAI-compatible server
offers; ``--api responses`` asks OpenAI's Responses API (the system prompt becomes
``instructions``, ``--max-tokens`` ``max_output_tokens``). Both stream through their helper.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

import gptkit
from gptkit.cli._context import Context
from gptkit.cli._errors import EXIT, CLIError
from gptkit.cli._output import Style, money
from gptkit.cli._parser import default_model
from gptkit.types.chat import ChatCompletion

if TYPE_CHECKING:  # the Responses API's types load only when it is used
    from gptkit.types.responses.response import Response

__all__ = ["Answer", "request_params", "run_ask", "stats_line", "stream_answer"]


@dataclass
class Answer:
    """What one streamed answer produced (``completion`` is None when it was interrupted)."""

    text: str
    #: The ``ChatCompletion`` (``--api chat``) or ``Response`` (``--api responses``).
    completion: ChatCompletion | Response | None
    seconds: float
    first_text_after: float | None
    interrupted: bool = False
    usage: Any = None
    cost: gptkit.Cost | None = None


def request_params(args: Any, model: str, messages: list[dict[str, str]]) -> dict[str, Any]:
    """The call's parameters from the model options: chat's, or the Responses API's (``--api``)."""
    if getattr(args, "api", "chat") == "responses":
        return _responses_params(args, model, messages)
    params: dict[str, Any] = {"model": model, "messages": messages}
    if args.temperature is not None:
        params["temperature"] = args.temperature
    if args.max_tokens is not None:
        params["max_tokens"] = args.max_tokens
    return params


def _responses_params(args: Any, model: str, messages: list[dict[str, str]]) -> dict[str, Any]:
    system = [m["content"] for m in messages if m["role"] == "system"]
    turns = [m for m in messages if m["role"] != "system"]
    one_question = len(turns) == 1 and turns[0]["role"] == "user"
    params: dict[str, Any] = {"model": model, "input": turns[0]["content"] if one_question else turns}
    if system:
        params["instructions"] = "\n\n".join(system)
    if args.temperature is not None:
        params["temperature"] = args.temperature
    if args.max_tokens is not None:
        params["max_output_tokens"] = args.max_tokens
    return params


def stream_answer(client: gptkit.Client, params: dict[str, Any], out: TextIO, *,
                  paint: Any = None, catch_interrupt: bool = False) -> Answer:
    """Stream one answer to ``out`` piece by piece (flushed: it appears as it arrives).

    ``params`` with ``input`` go to the Responses API, with ``messages`` to chat completions.
    With ``catch_interrupt``, Ctrl-C closes the stream and returns what arrived so far
    (``interrupted=True``); otherwise it propagates after the stream is closed.
    """
    start = time.monotonic()
    pieces: list[str] = []
    first: float | None = None
    responses = "input" in params
    manager: Any = (client.responses.stream(**params) if responses
                    else client.chat.completions.stream(**params))
    with manager as stream:
        try:
            for text in stream.text_stream:
                if first is None:
                    first = time.monotonic() - start
                pieces.append(text)
                out.write(paint(text) if paint else text)
                out.flush()
        except KeyboardInterrupt:
            if not catch_interrupt:
                raise
            stream.close()
            return Answer("".join(pieces), None, time.monotonic() - start, first, interrupted=True,
                          usage=stream.usage, cost=stream.cost)
        final: ChatCompletion | Response = (stream.get_final_response() if responses
                                            else stream.get_final_completion())
    # The stream's usage: the chat helper's final completion has none unless the caller asked.
    return Answer("".join(pieces), final, time.monotonic() - start, first,
                  usage=stream.usage, cost=stream.cost)


def stats_line(answer: Answer, model: str, style: Style) -> str:
    """``gpt-4o-mini · 12 in + 40 out tokens · $0.0000258 · 0.84 s`` (what went where)."""
    sep = style.sym(" · ", " | ")
    parts = [model]
    usage = answer.usage
    if usage is not None:
        details = (getattr(usage, "prompt_tokens_details", None)
                   or getattr(usage, "input_tokens_details", None))
        cached = getattr(details, "cached_tokens", None) or 0
        approx = "~" if getattr(usage, "estimated", False) else ""
        cached_text = f" ({cached} cached)" if cached else ""
        # chat's usage counts prompt/completion tokens, the Responses API's input/output tokens
        tokens_in = getattr(usage, "prompt_tokens", None)
        tokens_out = getattr(usage, "completion_tokens", None)
        if tokens_in is None:
            tokens_in, tokens_out = usage.input_tokens, usage.output_tokens
        parts.append(f"{approx}{tokens_in} in{cached_text} + {approx}{tokens_out} out tokens")
    if answer.cost is not None:
        parts.append(money(answer.cost.total))
    elif usage is not None:
        parts.append(f"cost unknown (no price for {model!r}; see 'gptkit price')")
    parts.append(f"{answer.seconds:.2f} s")
    if answer.interrupted:
        parts.append("interrupted")
    return style.dim(sep.join(parts))


def _question(ctx: Context) -> str:
    """The arguments joined by spaces; stdin when there are none, or in place of a ``-`` among them."""
    words: list[str] = ctx.args.question
    if words and "-" not in words:
        return " ".join(words)
    if sys.stdin is None:
        raise CLIError("no question: give it as an argument or on stdin", EXIT["usage"])
    if sys.stdin.isatty():
        ctx.err.write(ctx.estyle.dim("Type your question, then Ctrl-D:") + "\n")
        ctx.err.flush()
    text = sys.stdin.read()
    if not words or words == ["-"]:
        return text
    # `git diff | gptkit ask "Write a commit message for:" -`: stdin goes where the `-` is.
    return " ".join(f"\n{text.strip()}\n" if word == "-" else word for word in words)


def run_ask(ctx: Context) -> int:
    """Ask one question and stream the answer."""
    args = ctx.args
    question = _question(ctx).strip()
    if not question:
        raise CLIError("no question: give it as an argument or on stdin", EXIT["usage"])
    model = default_model(args.model)
    messages = ([{"role": "system", "content": args.system}] if args.system else [])
    messages.append({"role": "user", "content": question})
    params = request_params(args, model, messages)
    with ctx.client() as client:
        if args.json:
            if "input" in params:
                response = client.responses.create(**params)
                ctx.out.write(json.dumps(_response_json(response), indent=2) + "\n")
            else:
                completion = client.chat.completions.create(**params)
                ctx.out.write(json.dumps(_as_json(completion), indent=2) + "\n")
            return EXIT["ok"]
        answer = stream_answer(client, params, ctx.out)
    if not answer.text.endswith("\n"):
        ctx.out.write("\n")
    ctx.out.flush()
    if not args.quiet:
        ctx.err.write(stats_line(answer, model, ctx.estyle) + "\n")
    return EXIT["ok"]


def _cost_json(cost: gptkit.Cost | None) -> dict[str, Any] | None:
    return None if cost is None else {
        "input": str(cost.input), "cached_input": str(cost.cached_input), "output": str(cost.output),
        "total": str(cost.total), "currency": cost.currency, "price_source": cost.price_source,
    }


def _as_json(completion: ChatCompletion) -> dict[str, Any]:
    choice = completion.choices[0] if completion.choices else None
    return {
        "model": completion.model,
        "answer": choice.message.content if choice else None,
        "finish_reason": choice.finish_reason if choice else None,
        "usage": completion.usage.model_dump(mode="json", exclude_none=True) if completion.usage else None,
        "cost": _cost_json(completion.cost),
        "request_id": completion.request_id,
    }


def _response_json(response: Response) -> dict[str, Any]:
    """``ask --api responses --json``: the same keys, with the response's ``status`` and ``id``."""
    return {
        "model": response.model,
        "answer": response.output_text,
        "status": response.status,
        "usage": response.usage.model_dump(mode="json", exclude_none=True) if response.usage else None,
        "cost": _cost_json(response.cost),
        "request_id": response.request_id,
        "id": response.id,
    }
