"""``gptkit ask``: one question, the answer streamed to stdout, usage and cost on stderr."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from typing import Any, TextIO

import gptkit
from gptkit.cli._context import Context
from gptkit.cli._errors import EXIT, CLIError
from gptkit.cli._output import Style, money
from gptkit.cli._parser import default_model
from gptkit.types.chat import ChatCompletion

__all__ = ["Answer", "request_params", "run_ask", "stats_line", "stream_answer"]


@dataclass
class Answer:
    """What one streamed answer produced (``completion`` is None when it was interrupted)."""

    text: str
    completion: ChatCompletion | None
    seconds: float
    first_text_after: float | None
    interrupted: bool = False
    usage: Any = None
    cost: gptkit.Cost | None = None


def request_params(args: Any, model: str, messages: list[dict[str, str]]) -> dict[str, Any]:
    """The chat completion parameters from the model options."""
    params: dict[str, Any] = {"model": model, "messages": messages}
    if args.temperature is not None:
        params["temperature"] = args.temperature
    if args.max_tokens is not None:
        params["max_tokens"] = args.max_tokens
    return params


def stream_answer(client: gptkit.Client, params: dict[str, Any], out: TextIO, *,
                  paint: Any = None, catch_interrupt: bool = False) -> Answer:
    """Stream one answer to ``out`` piece by piece (flushed: it appears as it arrives).

    With ``catch_interrupt``, Ctrl-C closes the stream and returns what arrived so far
    (``interrupted=True``); otherwise it propagates after the stream is closed.
    """
    start = time.monotonic()
    pieces: list[str] = []
    first: float | None = None
    with client.chat.completions.stream(**params) as stream:
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
        completion = stream.get_final_completion()
    return Answer("".join(pieces), completion, time.monotonic() - start, first,
                  usage=completion.usage, cost=completion.cost)


def stats_line(answer: Answer, model: str, style: Style) -> str:
    """``gpt-4o-mini · 12 in + 40 out tokens · $0.0000258 · 0.84 s`` (what went where)."""
    sep = style.sym(" · ", " | ")
    parts = [model]
    usage = answer.usage
    if usage is not None:
        details = getattr(usage, "prompt_tokens_details", None)
        cached = getattr(details, "cached_tokens", None) or 0
        approx = "~" if getattr(usage, "estimated", False) else ""
        cached_text = f" ({cached} cached)" if cached else ""
        parts.append(f"{approx}{usage.prompt_tokens} in{cached_text} + {approx}{usage.completion_tokens} "
                     "out tokens")
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


def _as_json(completion: ChatCompletion) -> dict[str, Any]:
    choice = completion.choices[0] if completion.choices else None
    cost = completion.cost
    return {
        "model": completion.model,
        "answer": choice.message.content if choice else None,
        "finish_reason": choice.finish_reason if choice else None,
        "usage": completion.usage.model_dump(mode="json", exclude_none=True) if completion.usage else None,
        "cost": None if cost is None else {
            "input": str(cost.input), "cached_input": str(cost.cached_input), "output": str(cost.output),
            "total": str(cost.total), "currency": cost.currency, "price_source": cost.price_source,
        },
        "request_id": completion.request_id,
    }
