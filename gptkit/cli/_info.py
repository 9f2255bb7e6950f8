"""``gptkit models`` (what the server offers) and ``gptkit price MODEL`` (offline, from the tables)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import gptkit
from gptkit.cli._context import Context
from gptkit.cli._errors import EXIT, CLIError
from gptkit.cli._output import rate, table

__all__ = ["run_models", "run_price"]


def run_models(ctx: Context) -> int:
    """List the server's models, sorted by id."""
    with ctx.client() as client:
        models = sorted(client.models.list(), key=lambda m: m.id)
    if ctx.args.json:
        rows = [{"id": m.id, "owned_by": getattr(m, "owned_by", None), "created": getattr(m, "created", None)}
                for m in models]
        ctx.out.write(json.dumps(rows, indent=2) + "\n")
        return EXIT["ok"]
    if not models:
        ctx.err.write("the server lists no models\n")
        return EXIT["ok"]
    rows_text = []
    for m in models:
        created = getattr(m, "created", None)
        day = datetime.fromtimestamp(created, tz=timezone.utc).strftime("%Y-%m-%d") if created else ""
        rows_text.append([m.id, str(getattr(m, "owned_by", "") or ""), day])
    ctx.out.write(table(["model", "owned by", "created"], rows_text, style=ctx.style) + "\n")
    return EXIT["ok"]


def _database_version() -> str | None:
    from gptkit._cost._database import database_version

    return database_version()


def run_price(ctx: Context) -> int:
    """Print a model's rates per million tokens and their source (no network, no key)."""
    args = ctx.args
    info = gptkit.price_of(args.model, provider=args.provider, batch=args.batch)
    if info is None:
        where = f" in the {args.provider!r} price list" if args.provider else ""
        raise CLIError(f"no price is known for model {args.model!r}{where} (genai-prices "
                       f"{_database_version() or 'is not installed'}); a client would report cost=None",
                       EXIT["not_found"])
    if args.json:
        data = {
            "model": info.model,
            "input_per_mtok": _num(info.input_per_mtok),
            "cached_input_per_mtok": _num(info.cached_input_per_mtok),
            "output_per_mtok": _num(info.output_per_mtok),
            "currency": "USD",
            "source": info.source,
            "tiered": info.tiered,
        }
        ctx.out.write(json.dumps(data, indent=2) + "\n")
        return EXIT["ok"]
    rows = [["input", rate(info.input_per_mtok)],
            ["cached input", rate(info.cached_input_per_mtok)],
            ["output", rate(info.output_per_mtok)]]
    st = ctx.style
    ctx.out.write(st.bold(f"{info.model}") + st.dim(" — US dollars per million tokens") + "\n")
    ctx.out.write(table(["tokens", "price"], rows, right=[1], style=st) + "\n")
    source = info.source
    if source.startswith("genai-prices:"):
        version = _database_version()
        source += f" (genai-prices {version}, installed data; no network)" if version else ""
    ctx.out.write(st.dim(f"source: {source}") + "\n")
    if info.tiered:
        ctx.out.write(st.dim("tiered: long prompts cost more; these are the base tier's rates") + "\n")
    return EXIT["ok"]


def _num(value: object) -> str | None:
    return None if value is None else str(value)
