"""``gptkit demo``: a tour of gptkit against the built-in fake API, offline and with no key.

Everything runs in this process: ``gptkit.testing.FakeOpenAI`` is the clients' httpx transport,
so nothing is sent over any network and no real key is needed. Every number printed is
measured in the run (the fake's counters, the clients' ledger and budget); prices come from
the genai-prices data installed with gptkit.
"""

from __future__ import annotations

import time
from typing import Any

import gptkit
from gptkit.cli._ask import stats_line, stream_answer
from gptkit.cli._chat import ledger_table
from gptkit.cli._context import Context
from gptkit.cli._demo_burst import BurstResult, run_burst
from gptkit.cli._errors import EXIT
from gptkit.cli._output import money, table
from gptkit.testing import FakeOpenAI

__all__ = ["run_demo"]

#: Not a key: the fake accepts any. A `.invalid` host can never resolve (RFC 2606), and the
#: in-process transport means no connection is ever attempted anyway.
_OFFLINE: dict[str, Any] = {"api_key": "demo-offline-not-a-key", "base_url": "http://fake-openai.invalid/v1"}

_QUESTION = "What is gptkit, in a few words?"
_ANSWER = (
    "gptkit is a typed Python client for GPT-4 and every OpenAI-compatible API: sync and async, "
    "streaming like this answer, retries that honour the server's retry-after, client-side rate "
    "limits, exact costs with budgets, and this fake server, so tests never touch the network."
)


def _heading(ctx: Context, number: int, title: str) -> None:
    st = ctx.style
    bar = st.sym("━", "=")
    text = f"{bar * 2} {number}. {title} "
    ctx.out.write("\n" + st.paint(text + bar * max(2, 78 - len(text)), "bold", "cyan") + "\n")


def _stream_section(ctx: Context, fake: FakeOpenAI, ledger: gptkit.Ledger, fast: bool) -> None:
    st = ctx.style
    _heading(ctx, 1, "A streamed answer")
    fake.chunk_delay = 0.0 if fast else 0.03
    fake.respond(_ANSWER)
    with gptkit.Client(transport=fake, ledger=ledger, tags={"demo": "1 stream"}, **_OFFLINE) as client:
        ctx.out.write(st.paint("you", "bold", "green") + st.arrow() + _QUESTION + "\n")
        ctx.out.write(st.paint("gpt-4o", "bold", "cyan") + st.arrow())
        ctx.out.flush()
        params = {"model": "gpt-4o", "messages": [{"role": "user", "content": _QUESTION}]}
        answer = stream_answer(client, params, ctx.out)
    fake.chunk_delay = 0.0
    first = f" · first words after {answer.first_text_after * 1000:.0f} ms" if answer.first_text_after else ""
    ctx.out.write("\n" + stats_line(answer, "gpt-4o", st) + st.dim(first) + "\n")
    source = answer.cost.price_source if answer.cost is not None else None
    ctx.out.write(st.dim(f"(one stream of {len(answer.text.split())} words; usage from the server's last "
                         f"chunk; priced by {source or 'nothing: unknown model'})") + "\n")
    _responses_stream(ctx, fake, ledger, fast)


def _responses_stream(ctx: Context, fake: FakeOpenAI, ledger: gptkit.Ledger, fast: bool) -> None:
    """The same question through the Responses API (``client.responses.stream``)."""
    st = ctx.style
    ctx.out.write("\n" + st.dim("The same through the Responses API: client.responses.stream(model=..., "
                                "input=...)") + "\n")
    fake.chunk_delay = 0.0 if fast else 0.03
    fake.respond(_ANSWER)
    with gptkit.Client(transport=fake, ledger=ledger, tags={"demo": "1 stream"}, **_OFFLINE) as client:
        ctx.out.write(st.paint("gpt-4o", "bold", "cyan") + st.arrow())
        ctx.out.flush()
        answer = stream_answer(client, {"model": "gpt-4o", "input": _QUESTION}, ctx.out)
    fake.chunk_delay = 0.0
    ctx.out.write("\n" + stats_line(answer, "gpt-4o", st) + "\n")
    events = fake.stats.by_path.get("/responses", 0)
    ctx.out.write(st.dim(f"({events} request to POST /responses; typed events from response.created to "
                         "response.completed, whose usage priced it)") + "\n")


def _burst_section(ctx: Context, fake: FakeOpenAI, ledger: gptkit.Ledger) -> BurstResult:
    st = ctx.style
    calls, rate, wait = 40, 0.2, 0.05
    _heading(ctx, 2, f"A burst of {calls} concurrent calls; {rate:.0%} of requests get a 429")
    options: dict[str, Any] = {"ledger": ledger, "tags": {"demo": "2 burst"}, **_OFFLINE}
    result = run_burst(fake, options, calls=calls, rate=rate, retry_after=wait)
    ctx.out.write(st.dim(f"one AsyncClient · retries: up to 8 attempts, waiting what the server asks "
                         f"(retry-after-ms: {wait * 1000:.0f})") + "\n")
    ctx.out.write(st.dim(f"limit: {result.limiter}") + "\n")
    ok = result.succeeded == calls
    rows = [
        ("requests sent", str(result.sent), "by the client, retries included (counted by the server)"),
        ("429 answers", str(result.sent_429), "each said how long to wait (retry-after-ms)"),
        ("retried", str(result.retried), "on_retry hook calls"),
        ("succeeded", str(result.succeeded), f"of {calls} calls"),
        ("failed", str(result.failed), "calls that gave up"),
        ("most in flight", str(result.max_in_flight), f"at the server at once (limit {result.concurrency})"),
    ]
    for label, value, note in rows:
        paint = st.bold
        if label == "succeeded":
            paint = st.ok if ok else st.warn
        elif label == "failed" and result.failed:
            paint = st.bad
        ctx.out.write(f"  {label:<15}{paint(value.rjust(4))}  {st.dim(note)}\n")
    speed = f"{calls} calls in {result.seconds:.2f} s ({calls / result.seconds:.0f} calls/s)"
    ctx.out.write(st.dim(f"  {speed}") + "\n")
    for message in result.errors[:3]:
        ctx.out.write(st.bad(f"  error: {message}") + "\n")
    return result


def _budget_section(ctx: Context, fake: FakeOpenAI, ledger: gptkit.Ledger) -> bool:
    st = ctx.style
    limit = "0.005"
    _heading(ctx, 3, "A budget refuses a call before it is sent")
    budget = gptkit.Budget(usd=limit)
    ctx.out.write(st.dim(f'gptkit.Client(budget=gptkit.Budget(usd="{limit}"))') + "\n")
    refused = False
    with gptkit.Client(transport=fake, ledger=ledger, budget=budget, tags={"demo": "3 budget"},
                       **_OFFLINE) as client:
        small = client.chat.completions.create(
            model="gpt-4o-mini", max_tokens=200, messages=[{"role": "user", "content": "Say hi."}])
        mark = st.sym("✓", "ok")
        ctx.out.write(f"  {st.ok(mark)} gpt-4o-mini, max_tokens=200: sent, cost "
                      f"{money(small.cost.total if small.cost else None)}; {money(budget.remaining)} left\n")
        before = fake.stats.requests
        try:
            client.chat.completions.create(
                model="gpt-4", max_tokens=1000,
                messages=[{"role": "user", "content": "Write a long essay about budgets."}])
        except gptkit.BudgetExceededError as exc:
            refused = True
            sent = fake.stats.requests - before
            mark = st.sym("✗", "no")
            ctx.out.write(f"  {st.bad(mark)} gpt-4, max_tokens=1000: refused with BudgetExceededError: "
                          f"it could cost up to {money(exc.needed)}, only {money(exc.remaining)} is left\n")
            ctx.out.write(st.dim(f"    requests the server saw for it: {sent} (checked before sending; "
                                 "the worst case is prompt + max_tokens at the model's price)") + "\n")
        else:  # pragma: no cover - would mean the budget is broken; say so rather than hide it
            ctx.out.write(st.bad("  the budget did not refuse the call") + "\n")
    return refused


def _ledger_section(ctx: Context, ledger: gptkit.Ledger) -> None:
    st = ctx.style
    _heading(ctx, 4, "The cost ledger (client.ledger)")
    ctx.out.write(ledger_table(ledger, st, indent="  ") + "\n\n")
    snap = ledger.snapshot()
    rows = [[name, str(t.calls), f"{t.prompt_tokens + t.completion_tokens:,}", money(t.cost)]
            for name, t in snap.by_tag.get("demo", {}).items()]
    ctx.out.write(table(["by tag demo=", "calls", "tokens", "cost"], rows, right=[1, 2, 3], style=st,
                        indent="  ") + "\n")
    ctx.out.write(st.dim("  (exact Decimal dollars; export with ledger.export('costs.csv'))") + "\n")


def run_demo(ctx: Context) -> int:
    """Run the four sections; exit 0 only if each showed what it should."""
    st = ctx.style
    started = time.monotonic()
    ctx.out.write(st.bold("gptkit demo") + st.dim(
        f" {gptkit.__version__} · offline: a fake OpenAI API runs inside this process "
        "(gptkit.testing.FakeOpenAI) · no API key · no network") + "\n")
    fake = FakeOpenAI(seed=7)
    ledger = gptkit.Ledger()
    _stream_section(ctx, fake, ledger, ctx.args.fast)
    burst = _burst_section(ctx, fake, ledger)
    refused = _budget_section(ctx, fake, ledger)
    _ledger_section(ctx, ledger)
    took = time.monotonic() - started
    ctx.out.write("\n" + st.dim(f"Every number above was measured in this run ({took:.1f} s). "
                                "Prices: genai-prices data installed with gptkit.") + "\n")
    ctx.out.write("Next: " + st.bold('export OPENAI_API_KEY=sk-...; gptkit ask "Hello"') + st.dim(
        "  ·  gptkit chat  ·  gptkit price gpt-4o") + "\n")
    ctx.out.flush()
    healthy = burst.succeeded == burst.calls and burst.sent_429 > 0 and refused
    return EXIT["ok"] if healthy else EXIT["error"]
