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
from gptkit._exceptions import ConfigurationError, GptkitError, MissingAPIKeyError
from gptkit.batch._errors import BatchFileError, BatchInputError, BatchJobError
from gptkit.batch._input import validate_input
from gptkit.batch._remote import fetch, status, submit
from gptkit.batch._runner import run
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
    p_run.add_argument("--rpm", type=int, help="client-side requests-per-minute limit")
    p_run.add_argument("--tpm", type=int, help="client-side tokens-per-minute limit")
    p_run.add_argument("--budget", help="stop before spending more than this many USD")
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
    if getattr(args, "rpm", None) or getattr(args, "tpm", None):
        rate_limit = getattr(gptkit, "RateLimit", None)
        if rate_limit is None:
            raise _UsageError("--rpm/--tpm need client-side rate limiting (gptkit.RateLimit), "
                              "which this version of gptkit does not have yet")
        options["rate_limit"] = rate_limit(rpm=args.rpm, tpm=args.tpm)
    if getattr(args, "budget", None):
        budget = getattr(gptkit, "Budget", None)
        if budget is None:
            raise _UsageError("--budget needs cost accounting (gptkit.Budget), "
                              "which this version of gptkit does not have yet")
        options["budget"] = budget(usd=args.budget)
    return options


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
    options = _client_options(args)
    if args.command == "run":
        client = _make(gptkit.AsyncClient, options)
        summary = run(
            args.input, args.output, client=client, concurrency=args.concurrency,
            failures_path=args.failures, retry_failed=args.retry_failed, sort_output=args.sort,
            progress=args.progress, progress_interval=args.progress_interval, grace_period=args.grace,
            fsync_every=args.fsync_every, fsync_interval=args.fsync_interval,
        )
        _print_summary(summary, args.json)
        return summary.exit_code
    with _make(gptkit.Client, options) as client:
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
