"""The argument parser: global options (before or after the command) and one parser per command."""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from gptkit._version import __version__
from gptkit.cli._exit import EXIT
from gptkit.cli._numbers import count, positive_float, temperature

__all__ = ["DEFAULT_MODEL", "build_parser", "default_model", "version_text"]

#: The model ``ask`` and ``chat`` use unless told otherwise (``--model`` or ``GPTKIT_MODEL``).
DEFAULT_MODEL = "gpt-4o-mini"


class _Parser(argparse.ArgumentParser):
    """argparse, with a one-line error instead of the usage block."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"gptkit: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT["usage"])


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    # The same options sit on the main parser (with defaults) and on every command (without),
    # so `gptkit --base-url URL ask` and `gptkit ask --base-url URL` both work.
    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    group = parser.add_argument_group("connection options")
    group.add_argument("--base-url", metavar="URL", default=default(None),
                       help="the API's base URL (default: $OPENAI_BASE_URL, else https://api.openai.com/v1)")
    group.add_argument("--api-key", metavar="KEY", default=default(None),
                       help="the API key (prefer $OPENAI_API_KEY: options show up in the process list)")
    group.add_argument("--no-api-key", action="store_true", default=default(False),
                       help="send no key (a local server that needs none); $OPENAI_API_KEY is not sent")
    group.add_argument("--timeout", metavar="SECONDS", type=positive_float, default=default(None),
                       help="seconds to wait for the server (default 600; connecting: 5)")
    group.add_argument("--max-retries", metavar="N", type=count, default=default(None),
                       help="retries of a failed call (default 2; batch: 5)")
    group.add_argument("--budget", metavar="USD", default=default(None),
                       help="refuse calls once this many dollars could be spent (checked before sending)")
    group.add_argument("--no-color", action="store_true", default=default(False),
                       help="no colours (also: $NO_COLOR)")
    group.add_argument("-v", "--verbose", action="store_true", default=default(False),
                       help="log retries and waits on stderr")
    group.add_argument("--debug", action="store_true", default=default(False),
                       help="show the traceback of an error")


def _model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-m", "--model", default=None,
                        help=f"the model (default: $GPTKIT_MODEL, else {DEFAULT_MODEL})")
    parser.add_argument("-t", "--temperature", type=temperature, default=None, help="0 to 2")
    parser.add_argument("--max-tokens", type=count, default=None, metavar="N",
                        help="the most tokens the answer may have")
    parser.add_argument("-s", "--system", default=None, metavar="TEXT", help="a system prompt")
    parser.add_argument("--api", choices=("chat", "responses"), default="chat",
                        help="chat: POST /chat/completions, which every OpenAI-compatible server offers "
                             "(the default); responses: OpenAI's Responses API (POST /responses)")


def version_text() -> str:
    import platform

    import httpx

    return f"gptkit {__version__} (Python {platform.python_version()}, httpx {httpx.__version__})"


def build_parser() -> argparse.ArgumentParser:
    """The ``gptkit`` command's parser."""
    parser = _Parser(
        prog="gptkit",
        description="Ask GPT-4 and any OpenAI-compatible API from the command line; "
                    "'gptkit demo' shows everything offline, with no API key.",
        epilog="Environment: OPENAI_API_KEY, OPENAI_BASE_URL, GPTKIT_MODEL, NO_COLOR. "
               "Docs: docs/cli.md.",
    )
    parser.add_argument("--version", action="version", version=version_text())
    _global_options(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str, description: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=description)
        _global_options(sub, suppress=True)
        return sub

    ask = command("ask", "ask one question; the answer streams to stdout",
                  "Ask one question; the answer streams to stdout as it arrives, usage and cost go "
                  "to stderr. The question is read from stdin when not given (or given as '-').")
    ask.add_argument("question", nargs="*",
                     help="the question (default: read stdin; a '-' among the words is replaced by stdin)")
    _model_options(ask)
    ask.add_argument("--json", action="store_true",
                     help="print one JSON object (answer, usage, cost) instead of streaming text")
    ask.add_argument("-q", "--quiet", action="store_true", help="no usage/cost line on stderr")

    chat = command("chat", "an interactive conversation (q to quit)",
                   "An interactive conversation with streamed answers. Commands: /help, /cost, "
                   "/stats, /reset, /model NAME, /system TEXT; q, quit, exit or Ctrl-D to leave; "
                   "Ctrl-C stops the answer being written.")
    _model_options(chat)
    chat.add_argument("--history", metavar="FILE",
                      help="keep the lines you type in FILE across runs (arrow keys recall them)")
    chat.add_argument("--conversation", metavar="FILE",
                      help="keep the conversation in FILE (JSON): resumed at start, saved after each answer")

    models = command("models", "list the models the server offers", "List the models the server offers.")
    models.add_argument("--json", action="store_true", help="print JSON")

    price = command("price", "models' prices per million tokens",
                    "Models' prices per million tokens (input, cached input, output) and where they "
                    "come from. Needs no network and no API key. An unknown name gets the closest "
                    "known ones as suggestions.")
    price.add_argument("model", nargs="+", help="model names, e.g. gpt-4o text-embedding-3-small")
    price.add_argument("--provider", default=None,
                       help="the price list to use: openai, azure, anthropic, ... (default: from the name)")
    price.add_argument("--batch", action="store_true", help="the Batch API price")
    price.add_argument("--json", action="store_true", help="print JSON")

    demo = command("demo", "a tour of gptkit, offline, with no API key",
                   "A tour of gptkit against its built-in fake server, in-process: no API key, no "
                   "network. Shows a streamed answer, a burst of concurrent calls with 429s retried, "
                   "a budget refusing a call, and the cost ledger.")
    demo.add_argument("--fast", action="store_true", help="no pauses between streamed words")

    batch = commands.add_parser(
        "batch", help="run a JSONL file of requests, resumably, or through the Batch API",
        description="Run a JSONL file of requests (one Batch API line each): here, resumably, at a bounded "
                    "concurrency ('run'), or through the provider's Batch API ('submit', 'status', 'fetch'). "
                    "Also: python -m gptkit.batch. Docs: docs/batch.md.")
    _global_options(batch, suppress=True)
    from gptkit.cli._batch_args import add_batch_commands

    add_batch_commands(batch, command_parser=lambda sub, *a, **k: _with_globals(sub.add_parser(*a, **k)))
    return parser


def _with_globals(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    _global_options(parser, suppress=True)
    return parser


def default_model(given: str | None) -> str:
    """The model to use: the option, else ``$GPTKIT_MODEL``, else ``DEFAULT_MODEL``."""
    return given or os.environ.get("GPTKIT_MODEL") or DEFAULT_MODEL
