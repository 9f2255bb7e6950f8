"""The arguments of ``gptkit batch run|validate|submit|status|fetch`` (connection options are global)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from gptkit.cli._numbers import positive_float, positive_int

__all__ = ["add_batch_commands"]

#: Makes one subcommand's parser with the connection options on it.
CommandParser = Callable[..., argparse.ArgumentParser]


def _run_arguments(p_run: argparse.ArgumentParser) -> None:
    p_run.add_argument("input", help="the requests, one Batch API line each")
    p_run.add_argument("-o", "--output", required=True, help="the results file (appended to; resumes)")
    p_run.add_argument("-f", "--failures", help="the failures file (default: OUTPUT.failures.jsonl)")
    p_run.add_argument("-c", "--concurrency", type=positive_int, default=32,
                       help="requests in flight (default 32)")
    p_run.add_argument("--shard", metavar="K/N",
                       help="run only shard K of N (1-based) of the input, by a hash of custom_id")
    p_run.add_argument("--stop-on", default="budget,quota,auth", metavar="KINDS",
                       help="errors that stop the run, leaving the line not done: a comma list of "
                            "budget, quota, auth, or 'none' to record them as failures (default: all)")
    shared = p_run.add_argument_group("limits (shared through Redis with --redis; --budget too)")
    shared.add_argument("--rpm", type=positive_float, help="client-side requests-per-minute limit")
    shared.add_argument("--tpm", type=positive_float, help="client-side tokens-per-minute limit")
    shared.add_argument("--rate-window", type=positive_float, default=60.0, metavar="SECONDS",
                        help="seconds over which a burst of the limits may be spent (default 60)")
    shared.add_argument("--no-adaptive", dest="adaptive", action="store_false",
                        help="keep to --rpm/--tpm only, ignoring the server's x-ratelimit-* headers")
    shared.add_argument("--redis", metavar="URL",
                        help="share --rpm/--tpm and --budget with every worker using this Redis")
    shared.add_argument("--budget-name", metavar="NAME",
                        help="the shared budget's name (needed with --redis --budget)")
    shared.add_argument("--redis-prefix", default="gptkit", metavar="PREFIX",
                        help="prefix of the Redis keys (default gptkit)")
    p_run.add_argument("--sort", action="store_true", help="rewrite both files in input order at the end")
    p_run.add_argument("--retry-failed", action="store_true", help="send the recorded failures again")
    p_run.add_argument("--progress", action=argparse.BooleanOptionalAction, default=True,
                       help="a live line on a terminal, else a plain line every --progress-interval seconds")
    p_run.add_argument("--progress-interval", type=positive_float, default=10.0, metavar="SECONDS",
                       help="seconds between plain progress lines when not on a terminal (default 10)")
    p_run.add_argument("--grace", type=float, default=30.0, metavar="SECONDS",
                       help="seconds in-flight requests get to finish after Ctrl-C (default 30)")
    p_run.add_argument("--fsync-every", type=positive_int, default=1000, metavar="N",
                       help="fsync after this many records (default 1000)")
    p_run.add_argument("--fsync-interval", type=positive_float, default=1.0, metavar="SECONDS",
                       help="and at least this often (default 1)")
    p_run.add_argument("--json", action="store_true", help="print the summary as JSON")


def add_batch_commands(batch: argparse.ArgumentParser, *, command_parser: CommandParser) -> None:
    """Add the batch subcommands to ``batch``; ``command_parser(subparsers, name, **kw)`` makes each."""
    commands: Any = batch.add_subparsers(dest="batch_command", metavar="SUBCOMMAND", required=True)

    def command(name: str, help: str, description: str) -> argparse.ArgumentParser:
        return command_parser(commands, name, help=help, description=description)

    _run_arguments(command("run", "send every request of a JSONL file, resumably",
                           "Send every request of a JSONL file at a bounded concurrency. Results and "
                           "failures are appended as they finish; running the same command again "
                           "sends only what is not recorded yet."))

    p_validate = command("validate", "check a JSONL file without sending anything",
                         "Check every line of a JSONL file (JSON, custom_id, url, parameters); nothing "
                         "is sent.")
    p_validate.add_argument("input")

    p_submit = command("submit", "send a JSONL file through the provider's Batch API",
                       "Validate a JSONL file, upload it and create a Batch API job; prints its id.")
    p_submit.add_argument("input")
    p_submit.add_argument("--completion-window", default="24h", help="the job's window (default 24h)")
    p_submit.add_argument("--metadata", action="append", default=[], metavar="KEY=VALUE",
                          help="metadata for the job (repeatable)")

    p_status = command("status", "show a Batch API job", "Print a Batch API job as JSON.")
    p_status.add_argument("batch_id")

    p_fetch = command("fetch", "write a finished Batch API job's results",
                      "Write a finished Batch API job's results and failures in the format of 'run'.")
    p_fetch.add_argument("batch_id")
    p_fetch.add_argument("-o", "--output", required=True, help="the results file (appended to)")
    p_fetch.add_argument("-f", "--failures", help="the failures file (default: OUTPUT.failures.jsonl)")
    p_fetch.add_argument("--wait", action="store_true", help="poll until the job is finished")
    p_fetch.add_argument("--poll-interval", type=positive_float, default=30.0, metavar="SECONDS",
                         help="seconds between polls with --wait (default 30)")
    p_fetch.add_argument("--json", action="store_true", help="print the summary as JSON")
