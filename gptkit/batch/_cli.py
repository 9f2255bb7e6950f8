"""``python -m gptkit.batch``: run, validate, submit, status and fetch from the command line.

The future ``gptkit batch ...`` command calls ``main`` with the same arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

import gptkit
from gptkit._exceptions import (
    AuthenticationError,
    BudgetExceededError,
    ConfigurationError,
    GptkitError,
    InsufficientQuotaError,
    MissingAPIKeyError,
)
from gptkit.batch._errors import BatchFileError, BatchInputError, BatchJobError
from gptkit.batch._input import validate_input
from gptkit.batch._remote import fetch, status, submit
from gptkit.batch._runner import run
from gptkit.batch._shard import Shard
from gptkit.batch._stats import BatchSummary

__all__ = ["build_parser", "main"]


def _add_client_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("client")
    group.add_argument("--base-url", help="API base URL (default: $OPENAI_BASE_URL or OpenAI's)")
    group.add_argument("--no-api-key", action="store_true", help="send no key (local servers)")
    group.add_argument("--max-retries", type=int, default=5, help="retries per request (default 5)")
    group.add_argument("--timeout", type=float, help="seconds per request (default: the client's)")


def build_parser(prog: str = "python -m gptkit.batch") -> argparse.ArgumentParser:
    """The argument parser of ``python -m gptkit.batch`` (``gptkit batch`` passes its own name)."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    p_run = commands.add_parser("run", help="send every request of a JSONL file, resumably")
    p_run.add_argument("input", help="requests, one Batch API line each")
    p_run.add_argument("-o", "--output", required=True, help="results file (appended; resumes)")
    p_run.add_argument("-f", "--failures", help="failures file (default <output>.failures.jsonl)")
    p_run.add_argument("-c", "--concurrency", type=int, default=32, help="requests in flight (default 32)")
    p_run.add_argument("--shard", metavar="K/N",
                       help="run only shard K of N (1-based) of the input, by a hash of custom_id")
    p_run.add_argument("--stop-on", default="budget,quota,auth", metavar="KINDS",
                       help="errors that stop the run, leaving the line not done: a comma list of "
                            "budget, quota, auth, or 'none' to record them as failures (default all)")
    shared = p_run.add_argument_group("limits and budget (shared through Redis with --redis)")
    shared.add_argument("--rpm", type=float, help="client-side requests-per-minute limit")
    shared.add_argument("--tpm", type=float, help="client-side tokens-per-minute limit")
    shared.add_argument("--rate-window", type=float, default=60.0, metavar="SECONDS",
                        help="seconds over which a burst of the limits may be spent (default 60)")
    shared.add_argument("--no-adaptive", dest="adaptive", action="store_false",
                        help="keep to --rpm/--tpm only, ignoring the server's x-ratelimit-* headers")
    shared.add_argument("--budget", help="stop before spending more than this many USD")
    shared.add_argument("--redis", metavar="URL",
                        help="share --rpm/--tpm and --budget with every worker using this Redis")
    shared.add_argument("--budget-name", help="the shared budget's name (needed with --redis --budget)")
    shared.add_argument("--redis-prefix", default="gptkit", help="prefix of the Redis keys (default gptkit)")
    p_run.add_argument("--sort", action="store_true", help="rewrite outputs in input order at the end")
    p_run.add_argument("--retry-failed", action="store_true", help="send recorded failures again")
    p_run.add_argument("--progress", action=argparse.BooleanOptionalAction, default=True,
                       help="live line on a terminal, else a plain line every --progress-interval s")
    p_run.add_argument("--progress-interval", type=float, default=10.0,
                       help="seconds between plain progress lines when not on a terminal")
    p_run.add_argument("--grace", type=float, default=30.0, help="seconds in-flight requests get on Ctrl-C")
    p_run.add_argument("--fsync-every", type=int, default=1000, help="fsync after this many records")
    p_run.add_argument("--fsync-interval", type=float, default=1.0, help="and at least this often (s)")
    p_run.add_argument("--json", action="store_true", help="print the summary as JSON")
    _add_client_options(p_run)

    p_validate = commands.add_parser("validate", help="check a JSONL file without sending anything")
    p_validate.add_argument("input")

    p_submit = commands.add_parser("submit", help="send a JSONL file through the provider's Batch API")
    p_submit.add_argument("input")
    p_submit.add_argument("--completion-window", default="24h")
    p_submit.add_argument("--metadata", action="append", default=[], metavar="KEY=VALUE")
    _add_client_options(p_submit)

    p_status = commands.add_parser("status", help="show a Batch API job")
    p_status.add_argument("batch_id")
    _add_client_options(p_status)

    p_fetch = commands.add_parser("fetch", help="write a finished Batch API job's results")
    p_fetch.add_argument("batch_id")
    p_fetch.add_argument("-o", "--output", required=True)
    p_fetch.add_argument("-f", "--failures")
    p_fetch.add_argument("--wait", action="store_true", help="poll until the job is finished")
    p_fetch.add_argument("--poll-interval", type=float, default=30.0)
    p_fetch.add_argument("--json", action="store_true", help="print the summary as JSON")
    _add_client_options(p_fetch)
    return parser


class _UsageError(Exception):
    pass


def _client_options(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {"max_retries": args.max_retries}
    if args.base_url:
        options["base_url"] = args.base_url
    if args.no_api_key:
        options["api_key"] = gptkit.NO_API_KEY
    if args.timeout is not None:
        options["timeout"] = args.timeout
    if args.command == "run":
        options.update(_shared_options(args))
    return options


def _shared_options(args: argparse.Namespace) -> dict[str, Any]:
    """``rate_limit`` and ``budget`` for the client: in memory, or in Redis with ``--redis``."""
    options: dict[str, Any] = {}
    redis = args.redis
    if redis and not (args.rpm or args.tpm or args.budget):
        raise _UsageError("--redis shares --rpm/--tpm and --budget between workers; give at least one")
    if args.budget_name and not (redis and args.budget):
        raise _UsageError("--budget-name names a budget shared through Redis: "
                          "use it with --redis and --budget")
    try:
        if args.rpm or args.tpm:
            backend = gptkit.RedisBackend(redis, prefix=f"{args.redis_prefix}:ratelimit") if redis else None
            options["rate_limit"] = gptkit.RateLimit(rpm=args.rpm, tpm=args.tpm, window=args.rate_window,
                                                     adaptive=args.adaptive, backend=backend)
        if args.budget:
            if redis:
                if not args.budget_name:
                    raise _UsageError("--budget with --redis needs --budget-name: every worker that "
                                      "gives the same name draws on the same budget")
                options["budget"] = gptkit.RedisBudget(redis, name=args.budget_name, usd=args.budget,
                                                       prefix=args.redis_prefix)
            else:
                options["budget"] = gptkit.Budget(usd=args.budget)
    except (ValueError, TypeError) as exc:
        raise _UsageError(str(exc)) from None
    return options


_STOP_KINDS: dict[str, type[BaseException]] = {
    "budget": BudgetExceededError, "quota": InsufficientQuotaError, "auth": AuthenticationError,
}


def _stop_on(value: str) -> tuple[type[BaseException], ...]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    if names == ["none"]:
        return ()
    unknown = [name for name in names if name not in _STOP_KINDS]
    if unknown or not names:
        raise _UsageError(f"--stop-on takes a comma list of {', '.join(_STOP_KINDS)}, or none; not {value!r}")
    return tuple(_STOP_KINDS[name] for name in names)


def _shard(value: str | None) -> Shard | None:
    try:
        return Shard.parse(value) if value is not None else None
    except ValueError as exc:
        raise _UsageError(f"--shard: {exc}") from None


def _make(cls: Any, options: dict[str, Any]) -> Any:
    try:
        return cls(**options)
    except TypeError as exc:
        raise _UsageError(f"this gptkit's client does not accept these options yet: {exc}") from None


def _print_summary(summary: BatchSummary, as_json: bool) -> None:
    if as_json:
        print(json.dumps(summary.to_dict(), indent=2))
    else:
        print(summary.table())


def _metadata(pairs: Sequence[str]) -> dict[str, str] | None:
    metadata: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise _UsageError(f"--metadata takes KEY=VALUE, not {pair!r}")
        metadata[key] = value
    return metadata or None


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "validate":
        report = validate_input(args.input)
        urls = ", ".join(sorted(report.urls))
        print(f"{args.input}: {report.total} valid request(s) ({urls})")
        return 0
    if args.command == "run":
        shard, stop_on = _shard(args.shard), _stop_on(args.stop_on)
        client = _make(gptkit.AsyncClient, _client_options(args))
        summary = run(
            args.input, args.output, client=client, concurrency=args.concurrency,
            failures_path=args.failures, retry_failed=args.retry_failed, sort_output=args.sort,
            progress=args.progress, progress_interval=args.progress_interval, grace_period=args.grace,
            fsync_every=args.fsync_every, fsync_interval=args.fsync_interval, stop_on=stop_on, shard=shard,
        )
        _print_summary(summary, args.json)
        return summary.exit_code
    with _make(gptkit.Client, _client_options(args)) as client:
        if args.command == "submit":
            print(submit(args.input, client=client, completion_window=args.completion_window,
                         metadata=_metadata(args.metadata)))
            return 0
        if args.command == "status":
            print(status(args.batch_id, client=client).to_json())
            return 0
        summary = fetch(args.batch_id, args.output, client=client, failures_path=args.failures,
                        wait=args.wait, poll_interval=args.poll_interval)
        _print_summary(summary, args.json)
        return summary.exit_code


def main(argv: Sequence[str] | None = None, *, prog: str = "python -m gptkit.batch") -> int:
    """Run the command line; returns the exit status.

    0: done, nothing failed. 1: done, some requests failed (see the failures file). 2: bad
    usage or input (nothing sent). 3: stopped early (Ctrl-C, budget, quota); run it again to
    resume. 4: an API or Batch API job error.
    """
    args = build_parser(prog).parse_args(argv)
    try:
        return _dispatch(args)
    except (_UsageError, BatchInputError, BatchFileError, MissingAPIKeyError, ConfigurationError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (BatchJobError, GptkitError) as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 4
