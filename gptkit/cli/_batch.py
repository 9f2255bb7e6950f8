"""``gptkit batch ...``: hands its arguments to the batch runner's own command line."""

from __future__ import annotations

import os

from gptkit.cli._context import Context

__all__ = ["run_batch"]


def run_batch(ctx: Context, argv: list[str]) -> int:
    """Run ``gptkit.batch``'s command line with ``argv``; global connection options go by environment."""
    from gptkit.batch._cli import main

    args = ctx.args
    # The batch runner builds its own clients from the environment, like any gptkit program.
    if args.base_url:
        os.environ["OPENAI_BASE_URL"] = args.base_url
    if args.api_key:
        os.environ["OPENAI_API_KEY"] = args.api_key
    return main(argv, prog="gptkit batch")
