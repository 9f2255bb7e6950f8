"""Every failure as one line and an exit code; secrets never reach the terminal.

The command line catches what it expects (gptkit's typed errors, a bad option, Ctrl-C), prints
``gptkit: error: <what happened>`` on stderr and exits with a code that says what kind of
failure it was. Every message goes through ``redact`` first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from urllib.parse import urlsplit, urlunsplit

import gptkit
from gptkit.cli._output import money

__all__ = ["EXIT", "CLIError", "describe", "redact", "safe_url"]

#: Exit codes (documented in docs/cli.md).
EXIT = {
    "ok": 0,
    "error": 1,  # an API error not listed below (4xx/5xx, bad response)
    "usage": 2,  # a bad option or argument
    "config": 3,  # no API key, a bad base URL or option value
    "auth": 4,  # 401/403: the key was refused
    "network": 5,  # the server could not be reached, or timed out
    "budget": 6,  # the budget refused the call (nothing was sent)
    "not_found": 7,  # unknown model (or endpoint), unknown price
    "interrupted": 130,  # Ctrl-C
}

# Anything shaped like an API key or a bearer token, even partially masked by a server.
_KEYLIKE = re.compile(r"(?i)\b(sk-[\w*.-]{4,}|bearer\s+[\w*.=-]{8,})")


class CLIError(Exception):
    """A failure the command line reports itself: a message and an exit code."""

    def __init__(self, message: str, code: int = EXIT["error"]) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` without the given secrets nor anything that looks like a key."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "****")
    return _KEYLIKE.sub(lambda m: m.group(0)[:3] + "****" if m.group(0).lower().startswith("sk-")
                        else "Bearer ****", text)


def safe_url(url: str) -> str:
    """``url`` without a user name or password in it."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def _server_says(exc: gptkit.APIStatusError) -> str:
    message = " ".join(exc.message.split())
    return message if len(message) <= 300 else message[:297] + "..."


def describe(exc: BaseException, *, base_url: str | None = None, model: str | None = None) -> tuple[str, int]:
    """The one-line message and exit code for ``exc`` (not yet redacted)."""
    where = f" at {safe_url(base_url)}" if base_url else ""
    if isinstance(exc, CLIError):
        return exc.message, exc.code
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted", EXIT["interrupted"]
    if isinstance(exc, gptkit.MissingAPIKeyError):
        return ("no API key: set OPENAI_API_KEY (or pass --api-key, which other users of this machine "
                "can see in the process list); try 'gptkit demo', which needs none"), EXIT["config"]
    if isinstance(exc, gptkit.BudgetExceededError):
        if exc.needed is None or exc.remaining is None or exc.limit is None:
            return f"budget exceeded, nothing was sent: {exc.message}", EXIT["budget"]
        what = f"a call to {exc.model}" if exc.model else "the call"
        return (f"budget exceeded, nothing was sent: {what} could cost up to {money(exc.needed)} "
                f"(prompt + max output tokens), but only {money(max(exc.remaining, Decimal(0)))} of the "
                f"{money(exc.limit)} budget is left; lower --max-tokens or raise --budget"), EXIT["budget"]
    if isinstance(exc, gptkit.UnknownPriceError):
        return f"{exc.message}", EXIT["budget"]
    if isinstance(exc, (gptkit.AuthenticationError, gptkit.PermissionDeniedError)):
        what = "the API key was refused" if exc.status_code == 401 else "permission denied"
        return f"{what} ({exc.status_code}{where}): {_server_says(exc)}", EXIT["auth"]
    if isinstance(exc, gptkit.NotFoundError):
        hint = f" (is '{model}' a model this server offers? see 'gptkit models')" if model else ""
        return f"not found (404{where}): {_server_says(exc)}{hint}", EXIT["not_found"]
    if isinstance(exc, gptkit.APITimeoutError):
        return f"the server{where} did not answer in time ({exc.message}); see --timeout", EXIT["network"]
    if isinstance(exc, gptkit.StreamInterruptedError):
        return f"the answer was cut off{where}: {exc.message}", EXIT["network"]
    if isinstance(exc, gptkit.APIConnectionError):
        return f"cannot reach the server{where}: {exc.message}", EXIT["network"]
    if isinstance(exc, gptkit.InvalidParameterError):  # a BadRequestError too, but nothing was sent
        return f"invalid request: {exc.message}", EXIT["usage"]
    if isinstance(exc, gptkit.APIStatusError):
        attempts = f" after {exc.attempts} attempts" if exc.attempts > 1 else ""
        return f"the server answered {exc.status_code}{attempts}{where}: {_server_says(exc)}", EXIT["error"]
    if isinstance(exc, gptkit.APIError):
        return f"{type(exc).__name__}{where}: {exc.message}", EXIT["error"]
    if isinstance(exc, (gptkit.ConfigurationError, ValueError, TypeError)):
        return f"{exc}", EXIT["config"]
    if isinstance(exc, gptkit.GptkitError):
        return f"{type(exc).__name__}: {exc}", EXIT["error"]
    if isinstance(exc, BrokenPipeError):
        return "output closed", EXIT["error"]
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), EXIT["error"]
    return f"{type(exc).__name__}: {exc}", EXIT["error"]
