"""The command line's pure helpers: money, tables, colour rules, redaction, error mapping."""

from __future__ import annotations

import io
from decimal import Decimal

import httpx
import pytest

import gptkit
from gptkit.cli._errors import EXIT, describe, redact, safe_url
from gptkit.cli._output import Style, money, rate, table, use_color


def test_money_is_exact_and_short() -> None:
    assert money(Decimal("0.0000375")) == "$0.0000375"
    assert money(Decimal("2.50")) == "$2.5"
    assert money(Decimal("1E-7")) == "$0.0000001"
    assert money(Decimal(0)) == "$0"
    assert money(None) == "n/a"
    assert rate(Decimal("10")) == "$10.00" and rate(Decimal("0.075")) == "$0.075" and rate(None) == "n/a"


def test_table_aligns_columns() -> None:
    text = table(["model", "cost"], [["a", "$1"], ["longer", "$10.5"]], right=[1], total=["total", "$11.5"])
    lines = text.splitlines()
    assert lines[0] == "model    cost" and set(lines[1]) <= {"-", " "}
    assert lines[2] == "a          $1" and lines[3] == "longer  $10.5" and lines[5] == "total   $11.5"
    assert len({len(line) for line in lines}) == 1


class _Tty(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color(_Tty()) and not use_color(io.StringIO())
    assert Style.for_stream(_Tty()).bold("x") == "\033[1mx\033[0m"
    assert Style(True, readline=True).bold("x") == "\001\033[1m\002x\001\033[0m\002"
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(_Tty()) and Style.for_stream(_Tty()).bold("x") == "x"
    monkeypatch.setenv("NO_COLOR", "")  # empty means unset (no-color.org)
    assert use_color(_Tty())
    monkeypatch.setenv("TERM", "dumb")
    assert not use_color(_Tty())


def test_redact() -> None:
    key = "sk-proj-abcdef1234567890"
    assert key not in redact(f"bad key {key}!", [key])
    assert "abcdef" not in redact("Incorrect API key provided: sk-proj-********7890.", [])
    assert redact("Authorization: Bearer abcdefghijklmnop", []) == "Authorization: Bearer ****"
    assert redact("nothing secret here", [None, ""]) == "nothing secret here"
    assert safe_url("https://user:pw@example.com:8443/v1") == "https://example.com:8443/v1"
    assert safe_url("http://127.0.0.1:8000/v1") == "http://127.0.0.1:8000/v1"


def _status_error(cls: type[gptkit.APIStatusError], status: int) -> gptkit.APIStatusError:
    response = httpx.Response(status, request=httpx.Request("POST", "http://x/v1/chat/completions"))
    return cls(f"Error code: {status} - nope", response=response, body=None)


@pytest.mark.parametrize(("error", "code", "needle"), [
    (gptkit.MissingAPIKeyError("none"), EXIT["config"], "OPENAI_API_KEY"),
    (_status_error(gptkit.AuthenticationError, 401), EXIT["auth"], "refused (401"),
    (_status_error(gptkit.PermissionDeniedError, 403), EXIT["auth"], "permission denied"),
    (_status_error(gptkit.NotFoundError, 404), EXIT["not_found"], "gptkit models"),
    (_status_error(gptkit.InternalServerError, 503), EXIT["error"], "answered 503"),
    (gptkit.APIConnectionError(message="Connection error: refused"), EXIT["network"], "cannot reach"),
    (gptkit.APITimeoutError(), EXIT["network"], "--timeout"),
    (gptkit.BudgetExceededError("x", needed=Decimal("0.5"), remaining=Decimal("0.1"), limit=Decimal(1),
                                model="gpt-4o"), EXIT["budget"], "up to $0.5"),
    (KeyboardInterrupt(), EXIT["interrupted"], "interrupted"),
    # A BadRequestError too, but one gptkit raised before sending: a usage error, not a server answer.
    (gptkit.InvalidParameterError("Invalid parameter: 'n' bad", param="n", errors=[("n", "bad")]),
     EXIT["usage"], "invalid request: Invalid parameter"),
])
def test_describe(error: BaseException, code: int, needle: str) -> None:
    message, got = describe(error, base_url="http://u:p@host/v1", model="gpt-4o")
    assert got == code and needle in message and "u:p" not in message and "\n" not in message
