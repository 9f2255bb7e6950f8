"""``gptkit batch ...``: hands its arguments to the batch runner's own command line."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import Any

from gptkit.cli._context import Context
from gptkit.cli._errors import EXIT, CLIError

__all__ = ["run_batch"]


def _batch_main() -> Callable[[list[str]], Any] | None:
    """``main`` of ``gptkit.batch`` (or of its ``__main__``), or None when there is no batch runner."""
    try:
        package = importlib.import_module("gptkit.batch")
    except ImportError:
        return None
    found = getattr(package, "main", None)
    if found is None:
        try:
            found = getattr(importlib.import_module("gptkit.batch.__main__"), "main", None)
        except ImportError:
            found = None
    return found if callable(found) else None


def run_batch(ctx: Context, argv: list[str]) -> int:
    """Run ``gptkit.batch``'s command line with ``argv``; global connection options go by environment."""
    entry = _batch_main()
    if entry is None:
        raise CLIError("batch jobs are not available in this version of gptkit (no gptkit.batch module)",
                       EXIT["error"])
    args = ctx.args
    # The batch runner builds its own clients from the environment, like any gptkit program.
    if args.base_url:
        os.environ["OPENAI_BASE_URL"] = args.base_url
    if args.api_key:
        os.environ["OPENAI_API_KEY"] = args.api_key
    code = entry(argv)
    return code if isinstance(code, int) else EXIT["ok"]
