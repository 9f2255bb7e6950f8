"""Run the fake OpenAI server in the foreground: ``python -m gptkit.testing.fake_server --port N``.

Any client, in any language, can then be pointed at ``http://127.0.0.1:N/v1``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m gptkit.testing.fake_server",
                                     description="A fake OpenAI API server for tests.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port (printed on start)")
    parser.add_argument("--rpm", type=int, default=None,
                        help="requests per minute to enforce (default: none enforced, 30000 reported)")
    parser.add_argument("--tpm", type=int, default=None,
                        help="tokens per minute to enforce (default: none enforced, 150000000 reported)")
    parser.add_argument("--window", type=float, default=60.0,
                        help="seconds over which a burst may be spent (default 60: the API's minute; "
                             "1 scales a minute's limits down to a second)")
    parser.add_argument("--api-key", default=None, help="require this API key")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before each response")
    parser.add_argument("--chunk-delay", type=float, default=0.0, help="seconds between stream events")
    parser.add_argument("--seed", type=int, default=0, help="seed for random faults")
    parser.add_argument("--batch-time", type=float, default=1.0,
                        help="seconds a Batch API job takes to complete (default 1)")
    parser.add_argument("--fault", action="append", default=[], metavar="KIND=RATE",
                        help="inject a fault at random, e.g. server_error=0.05 (repeatable)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse options, serve until interrupted."""
    from gptkit.testing._fake import FakeOpenAI
    from gptkit.testing._faults import FAULT_KINDS
    from gptkit.testing._server import serve_on

    args = _parser().parse_args(argv)
    try:
        fake = FakeOpenAI(rpm=args.rpm, tpm=args.tpm, window=args.window, api_key=args.api_key,
                          latency=args.latency, chunk_delay=args.chunk_delay, seed=args.seed,
                          batch_time=args.batch_time)
    except ValueError as exc:
        print(f"invalid option: {exc}", file=sys.stderr)
        return 2
    for spec in args.fault:
        kind, _, rate = spec.partition("=")
        if kind not in FAULT_KINDS:
            print(f"unknown fault {kind!r}; one of: {', '.join(FAULT_KINDS)}", file=sys.stderr)
            return 2
        fake.inject(kind, rate=float(rate or "1"))

    async def run() -> None:
        server = await serve_on(fake, args.host, args.port)
        port = server.sockets[0].getsockname()[1]
        print(f"gptkit fake server listening on http://{args.host}:{port}/v1", flush=True)
        async with server:
            await server.serve_forever()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
