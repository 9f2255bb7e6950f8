"""``gptkit chat``: the question-and-answer loop, with history, streaming and a few commands.

Ctrl-C while an answer is being written closes its stream and keeps the part that arrived in
the conversation (marked as interrupted on screen), the way a chat UI's "stop" button does: the
model can be asked to go on, and the tokens it generated are billed and counted in ``/cost``.
If nothing had arrived yet, the question is dropped. Ctrl-C at the prompt only clears the line
(the first time, a one-line hint says how to leave).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import gptkit
from gptkit.cli._ask import request_params, stats_line, stream_answer
from gptkit.cli._context import Context
from gptkit.cli._errors import EXIT, CLIError, describe, redact
from gptkit.cli._output import Style, money, rate, table
from gptkit.cli._parser import default_model

__all__ = ["ChatSession", "ledger_table", "run_chat", "stats_table"]

_QUIT = frozenset({"q", "quit", "exit", ":q", "/q", "/quit", "/exit"})
_HELP = """\
Type a question and press Enter; the answer streams in. Commands:
  /cost           what this session has used and cost so far, by model
  /stats          calls, errors, retries, 429s and latency of this session
  /reset          start a new conversation (forget the history; the spend stays)
  /model [NAME]   show or change the model
  /system [TEXT]  show or set the system prompt (/system off: none)
  /help           this help
  q, quit, exit   leave (also Ctrl-D); Ctrl-C stops an answer being written"""
#: Said once, the first time Ctrl-C is pressed at the prompt (it only clears the line there).
_CTRL_C_HINT = "(Ctrl-C clears the line; q or Ctrl-D leaves, /help lists the commands)"


def ledger_table(ledger: gptkit.Ledger, style: Style, *, indent: str = "") -> str:
    """A ledger's totals by model, with a total row."""
    snap = ledger.snapshot()

    def row(name: str, t: gptkit.LedgerTotals) -> list[str]:
        cost = money(t.cost) + (f" (+{t.unpriced_calls} unpriced)" if t.unpriced_calls else "")
        tokens = (t.prompt_tokens, t.cached_tokens, t.completion_tokens)
        return [name, str(t.calls), *(f"{n:,}" for n in tokens), cost]

    rows = [row(name or "(unknown)", totals) for name, totals in snap.by_model.items()]
    return table(["model", "calls", "input tok", "cached", "output tok", "cost"], rows, right=[1, 2, 3, 4, 5],
                 style=style, total=row("total", snap.total), indent=indent)


def stats_table(snap: gptkit.StatsSnapshot, style: Style) -> str:
    """``client.stats`` of the session: calls, errors by class, retries, 429s, latency, cost."""
    def seconds(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f} s"

    errors = ", ".join(f"{name} {count}" for name, count in sorted(snap.errors.items())) or "none"
    rows = [["calls", f"{snap.started} started: {snap.succeeded} succeeded, {snap.failed} failed, "
                      f"{snap.in_flight} in flight"],
            ["errors", errors],
            ["retries", str(snap.retries)],
            ["429 responses", str(snap.responses_429)],
            ["latency p50 / p95", f"{seconds(snap.latency_p50)} / {seconds(snap.latency_p95)}"],
            ["cost", money(snap.cost)]]
    return table(["", "this session"], rows, style=style)


class ChatSession:
    """One interactive session: the conversation, the model, and the commands."""

    def __init__(self, ctx: Context, client: gptkit.Client) -> None:
        self.ctx = ctx
        self.client = client
        self.model = default_model(ctx.args.model)
        self.system: str | None = ctx.args.system
        self.messages: list[dict[str, str]] = []
        self.saved_to: Path | None = Path(ctx.args.conversation) if ctx.args.conversation else None
        self.prompt_style = Style(ctx.style.enabled, readline=True, unicode=ctx.style.unicode)
        if self.saved_to is not None and self.saved_to.exists():
            self._load(self.saved_to)

    # -- the conversation file ----------------------------------------------------------------

    def _load(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            messages = data["messages"]
            if not isinstance(messages, list) or not all(
                isinstance(m, dict) and isinstance(m.get("role"), str) and isinstance(m.get("content"), str)
                for m in messages
            ):
                raise ValueError("messages must be a list of {role, content}")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CLIError(f"cannot resume the conversation in {path}: {exc}", EXIT["config"]) from None
        self.messages = messages
        if not self.ctx.args.model and isinstance(data.get("model"), str):
            self.model = data["model"]
        if self.system is None and isinstance(data.get("system"), str):
            self.system = data["system"]

    def save(self) -> None:
        if self.saved_to is None:
            return
        data = {"model": self.model, "system": self.system, "messages": self.messages}
        tmp = self.saved_to.with_name(self.saved_to.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, self.saved_to)  # never a half-written file

    # -- one turn -----------------------------------------------------------------------------

    def prompt(self) -> str:
        return self.prompt_style.paint("you", "bold", "green") + self.prompt_style.arrow()

    def ask(self, question: str) -> None:
        """Send ``question`` with the history and stream the answer (Ctrl-C stops it)."""
        ctx, st = self.ctx, self.ctx.style
        self.messages.append({"role": "user", "content": question})
        system = [{"role": "system", "content": self.system}] if self.system else []
        params = request_params(ctx.args, self.model, [*system, *self.messages])
        ctx.out.write(st.paint(self.model, "bold", "cyan") + st.arrow())
        ctx.out.flush()
        try:
            answer = stream_answer(self.client, params, ctx.out, catch_interrupt=True)
        except KeyboardInterrupt:  # before the answer started: nothing to keep
            self.messages.pop()
            ctx.out.write(st.warn(" [interrupted]") + "\n")
            ctx.out.flush()
            return
        except gptkit.GptkitError as exc:
            self.messages.pop()
            ctx.out.write("\n")
            message, code = describe(exc, base_url=ctx.base_url, model=self.model)
            if code in (EXIT["auth"], EXIT["config"]):
                raise  # every next question would fail the same way: leave, main() reports it
            ctx.err.write(ctx.estyle.bad("error: ") + redact(message, [ctx.api_key]) + "\n")
            return
        if answer.interrupted:
            ctx.out.write(st.warn(" [interrupted]"))
            if answer.text:
                self.messages.append({"role": "assistant", "content": answer.text})
            else:
                self.messages.pop()
        else:
            self.messages.append({"role": "assistant", "content": answer.text})
        ctx.out.write("\n" + stats_line(answer, self.model, st) + "\n")
        ctx.out.flush()
        self.save()

    # -- commands -----------------------------------------------------------------------------

    def command(self, line: str) -> None:
        ctx, st = self.ctx, self.ctx.style
        name, _, rest = line.partition(" ")
        rest = rest.strip()
        out = ctx.out
        if name == "/help":
            out.write(_HELP + "\n")
        elif name == "/cost":
            out.write(ledger_table(self.client.ledger, st) + "\n")
            budget = self.client.budget
            if isinstance(budget, gptkit.Budget):
                out.write(st.dim(f"budget: {money(budget.spent)} spent of {money(budget.limit)}, "
                                 f"{money(budget.remaining)} left") + "\n")
        elif name == "/stats":
            out.write(stats_table(self.client.stats.snapshot(), st) + "\n")
        elif name == "/reset":
            self.messages.clear()
            self.save()
            out.write(st.dim("new conversation (the history is forgotten; /cost keeps the spend)") + "\n")
        elif name == "/model":
            if rest:
                self.model = rest
                self.save()
            info = gptkit.price_of(self.model)
            price = (f" ({rate(info.input_per_mtok)} in, {rate(info.output_per_mtok)} out per million tokens)"
                     if info is not None else " (price unknown)")
            out.write(st.dim(f"model: {self.model}{price}") + "\n")
        elif name == "/system":
            if rest:
                self.system = None if rest.lower() == "off" else rest
                self.save()
            out.write(st.dim(f"system prompt: {self.system!r}" if self.system else "no system prompt") + "\n")
        else:
            out.write(st.warn(f"unknown command {name}; /help lists them") + "\n")
        out.flush()

    # -- the loop -----------------------------------------------------------------------------

    def run(self) -> int:
        ctx, st = self.ctx, self.ctx.style
        resumed = f", {len(self.messages)} messages resumed" if self.messages else ""
        api = " · Responses API" if getattr(ctx.args, "api", "chat") == "responses" else ""
        ctx.out.write(st.bold("gptkit chat") + st.dim(f" · {self.model}{api}{resumed} · /help for commands, "
                                                      "q to quit") + "\n")
        ctx.out.flush()
        hinted = False
        while True:
            try:
                line = input(self.prompt())
            except EOFError:
                ctx.out.write("\n")
                break
            except KeyboardInterrupt:
                ctx.out.write("\n" if hinted else "\n" + st.dim(_CTRL_C_HINT) + "\n")
                hinted = True
                continue
            text = line.strip()
            if not text:
                continue
            if text.lower() in _QUIT:
                break
            if text.startswith("/"):
                self.command(text)
            else:
                self.ask(text)
        ctx.out.flush()
        return EXIT["ok"]


def _readline(history: str | None) -> Any:
    try:
        import readline
    except ImportError:  # Windows without pyreadline: plain input() still works
        return None
    if history:
        try:
            readline.read_history_file(history)
        except FileNotFoundError:
            pass
        except OSError as exc:
            message = f"cannot read the history file {history}: {exc.strerror}"
            raise CLIError(message, EXIT["config"]) from None
        readline.set_history_length(1000)
    return readline


def run_chat(ctx: Context) -> int:
    """Run the REPL until q, quit, exit or Ctrl-D."""
    history: str | None = ctx.args.history
    readline = _readline(history)
    with ctx.client() as client:
        session = ChatSession(ctx, client)
        try:
            return session.run()
        finally:
            if readline is not None and history:
                try:
                    readline.write_history_file(history)
                except OSError as exc:
                    ctx.err.write(f"gptkit: could not save the history to {history}: {exc.strerror}\n")
