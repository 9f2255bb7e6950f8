"""The ``gptkit`` command line: ask, chat, models, price, demo and batch.

``main(argv)`` is the entry point (``gptkit = "gptkit.cli:main"``, and ``python -m gptkit``).
It returns the exit code instead of raising, prints errors as one line on stderr, and never
prints the API key. See docs/cli.md.
"""

from __future__ import annotations

import os
import sys
import traceback
import warnings
from collections.abc import Callable, Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    import logging

    from gptkit.cli._context import Context
    from gptkit.cli._errors import describe, redact
    from gptkit.cli._exit import EXIT
    from gptkit.cli._parser import build_parser

    argv = list(sys.argv[1:] if argv is None else argv)
    # gptkit warns through both `warnings` and the "gptkit" logger; the command line reports
    # unknown prices itself, and shows the log only with --verbose.
    from gptkit import UnknownPriceWarning

    warnings.filterwarnings("ignore", category=UnknownPriceWarning)
    logger = logging.getLogger("gptkit")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())  # else logging's last resort prints warnings
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a bad option (already reported)
        return exc.code if isinstance(exc.code, int) else EXIT["usage"]
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT["usage"]
    ctx = Context(args)
    try:
        return _run(args.command, ctx)
    except BaseException as exc:
        if isinstance(exc, SystemExit):
            raise
        if isinstance(exc, BrokenPipeError):
            # The reader went away (`gptkit demo | head`): stop quietly, and keep Python from
            # failing again when it flushes stdout at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT["error"]
        if isinstance(exc, (KeyboardInterrupt, Exception)):
            _flush_quietly(ctx)
            if getattr(args, "debug", False) and not isinstance(exc, KeyboardInterrupt):
                traceback.print_exc()
            message, code = describe(exc, base_url=ctx.base_url, model=getattr(args, "model", None))
            newline = "\n" if isinstance(exc, KeyboardInterrupt) else ""
            line = "gptkit: " + ctx.estyle.bad("error: ") + redact(message, [ctx.api_key])
            ctx.err.write(newline + line + "\n")
            ctx.err.flush()
            return code
        raise


def _flush_quietly(ctx: object) -> None:
    out = getattr(ctx, "out", None)
    try:
        if out is not None:
            out.flush()
    except (OSError, ValueError):
        pass


#: Each command's module and function, imported only when that command runs.
_COMMANDS = {"ask": ("_ask", "run_ask"), "chat": ("_chat", "run_chat"), "models": ("_info", "run_models"),
             "price": ("_info", "run_price"), "demo": ("_demo", "run_demo"), "batch": ("_batch", "run_batch")}


def _run(command: str, ctx: object) -> int:
    import importlib

    from gptkit.cli._context import Context

    assert isinstance(ctx, Context)
    module, name = _COMMANDS[command]
    runner: Callable[[Context], int] = getattr(importlib.import_module(f"gptkit.cli.{module}"), name)
    return runner(ctx)
