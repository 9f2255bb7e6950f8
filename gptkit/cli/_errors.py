"""Every failure as one line and an exit code; secrets never reach the terminal.

The command line catches what it expects (gptkit's typed errors, a bad option, Ctrl-C), prints
``gptkit: error: <what happened>`` on stderr and exits with a code that says what kind of
failure it was. Every message goes through ``redact`` first.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from decimal import Decimal
from urllib.parse import urlsplit, urlunsplit

import gptkit
from gptkit.cli._exit import EXIT
from gptkit.cli._output import money

__all__ = ["EXIT", "CLIError", "describe", "redact", "safe_url", "speak_flags"]

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


#: Library words for options, as the command line's flags and environment variables.
_FLAG_WORDS = (
    ("api_key=gptkit.NO_API_KEY", "--no-api-key"),
    ("pass api_key=...", "pass --api-key"),
    ("api_key=...", "--api-key"),
    ("pass wait=True", "pass --wait"),
    ("base_url", "the base URL (--base-url or OPENAI_BASE_URL)"),
    ("max_retries", "--max-retries"),
    ("timeout", "--timeout"),
)


def speak_flags(message: str) -> str:
    """A library message about constructor arguments, reworded for the command line."""
    for words, flag in _FLAG_WORDS:
        message = message.replace(words, flag)
    return message


def _cut_short(exc: gptkit.APIConnectionError) -> str | None:
    """What the server cut short, when the connection ended inside a complete-looking answer."""
    import httpx

    cause: BaseException | None = exc.__cause__ or exc.__context__
    if isinstance(cause, httpx.RemoteProtocolError) and "complete message body" in str(cause):
        received = re.search(r"received (\d+) bytes, expected (\d+)", str(cause))
        return f" after {received[1]} of {received[2]} bytes" if received else ""
    return None


def _cause(exc: gptkit.APIConnectionError) -> str:
    """What went wrong under a connection error: its message is the official package's fixed
    ``Connection error.`` / ``Request timed out.``, the detail is the chained httpx error."""
    cause = exc.__cause__
    if cause is None:
        return exc.message
    return str(cause) or type(cause).__name__


def describe(exc: BaseException, *, base_url: str | None = None, model: str | None = None) -> tuple[str, int]:
    """The one-line message and exit code for ``exc`` (not yet redacted)."""
    where = f" at {safe_url(base_url)}" if base_url else ""
    if isinstance(exc, CLIError):
        return exc.message, exc.code
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted", EXIT["interrupted"]
    if isinstance(exc, gptkit.MissingAPIKeyError):
        return ("no API key: set OPENAI_API_KEY (or pass --api-key, which other users of this machine "
                "can see in the process list; --no-api-key for a local server that needs none); try "
                "'gptkit demo', which needs none"), EXIT["config"]
    if isinstance(exc, gptkit.BudgetExceededError):
        if exc.needed is None or exc.remaining is None or exc.limit is None:
            return f"budget exceeded, nothing was sent: {exc.message}", EXIT["budget"]
        what = f"a call to {exc.model}" if exc.model else "the call"
        return (f"budget exceeded, nothing was sent: {what} could cost up to {money(exc.needed)} "
                f"(prompt + max output tokens), but only {money(max(exc.remaining, Decimal(0)))} of the "
                f"{money(exc.limit)} budget is left; lower --max-tokens or raise --budget"), EXIT["budget"]
    if isinstance(exc, gptkit.UnknownPriceError):
        if exc.model and "no price is known" in exc.message:
            # The library's remedy names constructor arguments (prices=, allow_unpriced=); the
            # command line's is a flag.
            return (f"the budget cannot bound a call to {exc.model!r}: no price is known for it "
                    f"(see 'gptkit price {exc.model}'), so nothing was sent; without --budget the "
                    f"call goes through, uncounted"), EXIT["budget"]
        return speak_flags(exc.message), EXIT["budget"]
    if isinstance(exc, (gptkit.AuthenticationError, gptkit.PermissionDeniedError)):
        what = "the API key was refused" if exc.status_code == 401 else "permission denied"
        return f"{what} ({exc.status_code}{where}): {_server_says(exc)}", EXIT["auth"]
    if isinstance(exc, gptkit.NotFoundError):
        hint = f" (is '{model}' a model this server offers? see 'gptkit models')" if model else ""
        return f"not found (404{where}): {_server_says(exc)}{hint}", EXIT["not_found"]
    if isinstance(exc, gptkit.InsufficientQuotaError):
        return (f"the account is out of credit (429 insufficient_quota{where}): {_server_says(exc)}; "
                "never retried"), EXIT["error"]
    if isinstance(exc, gptkit.APITimeoutError):
        return f"the server{where} did not answer in time ({_cause(exc)}); see --timeout", EXIT["network"]
    if isinstance(exc, gptkit.StreamInterruptedError):
        return f"the answer was cut off{where}: {exc.message}", EXIT["network"]
    if isinstance(exc, gptkit.APIConnectionError):
        cut = _cut_short(exc)
        if cut is not None:
            return (f"the server{where} cut its answer short{cut} (the connection closed before the "
                    "end of the body)"), EXIT["network"]
        return f"cannot reach the server{where}: {_cause(exc)}", EXIT["network"]
    if isinstance(exc, gptkit.InvalidParameterError):  # a BadRequestError too, but nothing was sent
        return f"invalid request: {exc.message}", EXIT["usage"]
    if isinstance(exc, gptkit.APIStatusError):
        attempts = f" after {exc.attempts} attempts" if exc.attempts > 1 else ""
        return f"the server answered {exc.status_code}{attempts}{where}: {_server_says(exc)}", EXIT["error"]
    if isinstance(exc, gptkit.APIError):
        return f"{type(exc).__name__}{where}: {exc.message}", EXIT["error"]
    if isinstance(exc, (gptkit.ConfigurationError, ValueError, TypeError)):
        return speak_flags(f"{exc}"), EXIT["config"]
    if isinstance(exc, gptkit.GptkitError):
        return f"{type(exc).__name__}: {exc}", EXIT["error"]
    if isinstance(exc, BrokenPipeError):
        return "output closed", EXIT["error"]
    if isinstance(exc, FileNotFoundError):
        folder = os.path.dirname(str(exc.filename or ""))
        if folder and not os.path.isdir(folder):   # a file to write, in a folder that is not there
            return f"{exc.filename}: no such directory: {folder}", EXIT["usage"]
        return f"{exc.filename}: file not found", EXIT["usage"]
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), EXIT["error"]
    return f"{type(exc).__name__}: {exc}", EXIT["error"]
