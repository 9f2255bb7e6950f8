"""``gptkit models`` (what the server offers) and ``gptkit price MODEL...`` (offline, from the tables)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import gptkit
from gptkit.cli._context import Context
from gptkit.cli._errors import CLIError
from gptkit.cli._exit import EXIT
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


def _suggestions(model: str, provider: str | None) -> list[str]:
    """The known names closest to ``model`` (a typo, a missing dash, another provider's spelling)."""
    import difflib

    from gptkit._cost._database import known_models

    names = known_models(provider)
    by_lower = {name.lower(): name for name in names}
    close = difflib.get_close_matches(model.lower(), list(by_lower), n=3, cutoff=0.6)
    return [by_lower[name] for name in close]


def _unknown(model: str, provider: str | None) -> str:
    where = f" in the {provider!r} price list" if provider else ""
    close = _suggestions(model, provider)
    hint = f" (did you mean {' or '.join(close)}?)" if close else ""
    version = _database_version()
    database = f"genai-prices {version}" if version else "genai-prices is not installed"
    return f"no price is known for {model!r}{where}{hint}; {database}; a client would report cost=None"


def _check_provider(provider: str) -> None:
    """A ``--provider`` the database has no list for is a bad option, not an unpriced model."""
    import difflib

    from gptkit._cost._database import known_providers

    providers = known_providers()
    if not providers or provider in providers:
        return
    close = difflib.get_close_matches(provider.lower(), providers, n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    examples = [name for name in ("openai", "azure", "anthropic", "google", "mistral", "groq")
                if name in providers]
    raise CLIError(f"--provider {provider!r} names no price list genai-prices has ({hint}it has "
                   f"{len(providers)}: {', '.join(examples)}, ...)", EXIT["usage"])


def _as_dict(info: gptkit.PriceInfo) -> dict[str, object]:
    return {"model": info.model, "input_per_mtok": _num(info.input_per_mtok),
            "cached_input_per_mtok": _num(info.cached_input_per_mtok),
            "output_per_mtok": _num(info.output_per_mtok), "currency": "USD", "source": info.source,
            "tiered": info.tiered}


def run_price(ctx: Context) -> int:
    """Print models' rates per million tokens and their source (no network, no key)."""
    args = ctx.args
    if args.provider is not None:
        _check_provider(args.provider)
    models: list[str] = list(dict.fromkeys(args.model))
    found = [(model, gptkit.price_of(model, provider=args.provider, batch=args.batch)) for model in models]
    known = [info for _, info in found if info is not None]
    unknown = [model for model, info in found if info is None]
    if len(models) == 1 and unknown:
        raise CLIError(_unknown(unknown[0], args.provider), EXIT["not_found"])
    if args.json:
        data: object = _as_dict(known[0]) if len(models) == 1 else [_as_dict(info) for info in known]
        ctx.out.write(json.dumps(data, indent=2) + "\n")
    elif len(known) == 1 and len(models) == 1:
        _one_price(ctx, known[0])
    elif known:
        _price_table(ctx, known)
    for model in unknown:  # after what is known; the command fails
        ctx.err.write("gptkit: " + ctx.estyle.bad("error: ") + _unknown(model, args.provider) + "\n")
    return EXIT["not_found"] if unknown else EXIT["ok"]


def _source_line(ctx: Context, sources: list[str]) -> None:
    st = ctx.style
    version = _database_version()
    if version and any(source.startswith("genai-prices:") for source in sources):
        ctx.out.write(st.dim(f"genai-prices {version}, installed data; no network") + "\n")


def _one_price(ctx: Context, info: gptkit.PriceInfo) -> None:
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


def _price_table(ctx: Context, infos: list[gptkit.PriceInfo]) -> None:
    st = ctx.style
    rows = [[info.model + (" *" if info.tiered else ""), rate(info.input_per_mtok),
             rate(info.cached_input_per_mtok), rate(info.output_per_mtok), info.source] for info in infos]
    ctx.out.write(st.dim("US dollars per million tokens") + "\n")
    ctx.out.write(table(["model", "input", "cached input", "output", "source"], rows, right=[1, 2, 3],
                        style=st) + "\n")
    if any(info.tiered for info in infos):
        ctx.out.write(st.dim("* tiered: long prompts cost more; these are the base tier's rates") + "\n")
    _source_line(ctx, [info.source for info in infos])


def _num(value: object) -> str | None:
    return None if value is None else str(value)
