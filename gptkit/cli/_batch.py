"""``gptkit batch run|validate|submit|status|fetch`` (also ``python -m gptkit.batch``).

The connection options are the command line's own (``--base-url``, ``--api-key``, ...,
accepted before or after the subcommand); errors and exit codes are the command line's too
(``gptkit/cli/_exit.py``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import gptkit
from gptkit.cli._context import Context
from gptkit.cli._errors import CLIError, speak_flags
from gptkit.cli._exit import EXIT

__all__ = ["run_batch"]

#: The retries of a batch request unless --max-retries says otherwise: a long job should ride out
#: more transient errors than one interactive question.
BATCH_RETRIES = 5


def _usage(message: str) -> CLIError:
    return CLIError(message, EXIT["usage"])


def _shared_options(ctx: Context) -> dict[str, Any]:
    """``rate_limit`` and ``budget`` for the client: in memory, or in Redis with ``--redis``."""
    args = ctx.args
    options: dict[str, Any] = {}
    redis = args.redis
    if redis and not (args.rpm or args.tpm or args.budget):
        raise _usage("--redis shares --rpm/--tpm and --budget between workers; give at least one")
    if args.budget_name and not (redis and args.budget):
        raise _usage("--budget-name names a budget shared through Redis: use it with --redis and --budget")
    if args.rpm or args.tpm:
        backend = gptkit.RedisBackend(redis, prefix=f"{args.redis_prefix}:ratelimit") if redis else None
        options["rate_limit"] = gptkit.RateLimit(rpm=args.rpm, tpm=args.tpm, window=args.rate_window,
                                                 adaptive=args.adaptive, backend=backend)
    if args.budget and redis:
        if not args.budget_name:
            raise _usage("--budget with --redis needs --budget-name: every worker that gives the same "
                         "name draws on the same budget")
        local = ctx.budget()  # checks the amount the way every command does
        assert local is not None
        options["budget"] = gptkit.RedisBudget(redis, name=args.budget_name, usd=local.limit,
                                               prefix=args.redis_prefix)
    return options


def _stop_on(value: str) -> tuple[type[BaseException], ...]:
    kinds: dict[str, type[BaseException]] = {
        "budget": gptkit.BudgetExceededError, "quota": gptkit.InsufficientQuotaError,
        "auth": gptkit.AuthenticationError,
    }
    names = [name.strip() for name in value.split(",") if name.strip()]
    if names == ["none"]:
        return ()
    unknown = [name for name in names if name not in kinds]
    if unknown or not names:
        raise _usage(f"--stop-on takes a comma list of {', '.join(kinds)}, or none; not {value!r}")
    return tuple(kinds[name] for name in names)


def _metadata(pairs: Sequence[str]) -> dict[str, str] | None:
    metadata: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise _usage(f"--metadata takes KEY=VALUE, not {pair!r}")
        metadata[key] = value
    return metadata or None


def _print_summary(ctx: Context, summary: Any) -> int:
    if ctx.args.json:
        ctx.out.write(json.dumps(summary.to_dict(), indent=2) + "\n")
    else:
        ctx.out.write(summary.table() + "\n")
    if summary.stopped and not summary.complete:
        ctx.err.write(f"gptkit: stopped: {summary.stopped}; {summary.not_done} request(s) not done "
                      "(run the same command again to do them)\n")
    code: int = summary.exit_code
    return code


def _dispatch(ctx: Context) -> int:
    import gptkit.batch as batch

    args = ctx.args
    command = args.batch_command
    if command == "validate":
        report = batch.validate_input(args.input)
        ctx.out.write(f"{args.input}: {report.total} valid request(s) ({', '.join(sorted(report.urls))})\n")
        return EXIT["ok"]
    retries = BATCH_RETRIES if args.max_retries is None else args.max_retries
    if command == "run":
        try:
            shard = batch.Shard.parse(args.shard) if args.shard is not None else None
        except ValueError as exc:
            raise _usage(f"--shard: {exc}") from None
        stop_on = _stop_on(args.stop_on)
        client = ctx.async_client(max_retries=retries, **_shared_options(ctx))
        summary = batch.run(
            args.input, args.output, client=client, concurrency=args.concurrency, failures_path=args.failures,
            retry_failed=args.retry_failed, sort_output=args.sort,
            progress=args.progress, progress_interval=args.progress_interval, grace_period=args.grace,
            fsync_every=args.fsync_every, fsync_interval=args.fsync_interval, stop_on=stop_on, shard=shard,
        )
        return _print_summary(ctx, summary)
    with ctx.client(max_retries=retries) as sync_client:
        return _remote(ctx, command, sync_client)


def _remote(ctx: Context, command: str, client: gptkit.Client) -> int:
    """``submit``, ``status`` and ``fetch``: the Batch API, through a sync client."""
    import gptkit.batch as batch

    args = ctx.args
    if command == "submit":
        batch_id = batch.submit(args.input, client=client, completion_window=args.completion_window,
                                metadata=_metadata(args.metadata))
        ctx.out.write(f"{batch_id}\n")
        return EXIT["ok"]
    if command == "status":
        ctx.out.write(batch.status(args.batch_id, client=client).to_json() + "\n")
        return EXIT["ok"]
    summary = batch.fetch(args.batch_id, args.output, client=client, failures_path=args.failures,
                          wait=args.wait, poll_interval=args.poll_interval)
    return _print_summary(ctx, summary)


def run_batch(ctx: Context) -> int:
    """Run one batch subcommand; batch errors become the command line's messages and codes."""
    from gptkit.batch import BatchFileError, BatchInputError, BatchJobError

    try:
        return _dispatch(ctx)
    except BatchInputError as exc:  # the lines at fault follow, one per line
        raise _usage(str(exc)) from None
    except BatchFileError as exc:
        raise _usage(str(exc)) from None
    except BatchJobError as exc:
        raise CLIError(speak_flags(str(exc)), EXIT["error"]) from None
