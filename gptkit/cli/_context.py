"""What every command gets: parsed options, the output streams and styles, and a client factory."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TextIO

import gptkit
from gptkit.cli._errors import CLIError
from gptkit.cli._exit import EXIT
from gptkit.cli._output import Style

__all__ = ["Context"]


class _LogFormat(logging.Formatter):
    """``gptkit: <message>`` (some of gptkit's messages already start with ``gptkit:``)."""

    def format(self, record: logging.LogRecord) -> str:
        message = super().format(record)
        return message if message.startswith("gptkit: ") else f"gptkit: {message}"


@dataclass
class Context:
    """One run of the command line."""

    args: argparse.Namespace
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    def __post_init__(self) -> None:
        color = not getattr(self.args, "no_color", False)
        self.style = Style.for_stream(self.out)
        self.estyle = Style.for_stream(self.err)
        if not color:
            self.style.enabled = self.estyle.enabled = False
        if getattr(self.args, "verbose", False):
            logger = logging.getLogger("gptkit")
            if not any(isinstance(h.formatter, _LogFormat) for h in logger.handlers):
                handler = logging.StreamHandler(self.err)
                handler.setFormatter(_LogFormat())
                logger.addHandler(handler)
            logger.setLevel(logging.INFO)

    @property
    def api_key(self) -> str | None:
        """The key in use (only to keep it out of what is printed)."""
        key: str | None = getattr(self.args, "api_key", None) or os.environ.get("OPENAI_API_KEY")
        return key

    @property
    def base_url(self) -> str:
        url: str = (getattr(self.args, "base_url", None) or os.environ.get("OPENAI_BASE_URL")
                    or "https://api.openai.com/v1")
        return url.rstrip("/")

    def budget(self) -> gptkit.Budget | None:
        text = getattr(self.args, "budget", None)
        if text is None:
            return None
        try:
            amount = Decimal(str(text).lstrip("$"))
        except InvalidOperation:
            raise CLIError(f"--budget must be an amount of dollars, like 0.50, not {text!r}",
                           EXIT["usage"]) from None
        if not amount.is_finite() or amount <= 0:
            raise CLIError(f"--budget must be a positive amount of dollars, not {text!r}", EXIT["usage"])
        return gptkit.Budget(usd=amount)

    def client_options(self, **options: Any) -> dict[str, Any]:
        """The client options the command line's flags give, updated with ``options``."""
        args = self.args
        settings: dict[str, Any] = {"base_url": getattr(args, "base_url", None),
                                    "api_key": getattr(args, "api_key", None),
                                    "timeout": getattr(args, "timeout", None),
                                    "budget": self.budget()}
        if getattr(args, "no_api_key", False):
            if settings["api_key"]:
                raise CLIError("--api-key and --no-api-key contradict each other: give one", EXIT["usage"])
            settings["api_key"] = gptkit.NO_API_KEY
        retries = getattr(args, "max_retries", None)
        if retries is not None:
            settings["max_retries"] = retries
        settings.update(options)
        return settings

    def client(self, **options: Any) -> gptkit.Client:
        """A client from the options and the environment (raises MissingAPIKeyError without a key)."""
        return gptkit.Client(**self.client_options(**options))

    def async_client(self, **options: Any) -> gptkit.AsyncClient:
        """The async twin of ``client`` (for ``batch run``)."""
        return gptkit.AsyncClient(**self.client_options(**options))
