"""What a user reads names public things: tracebacks show ``gptkit.RateLimitError``, not the
private module the class lives in, and a client's signature errors name the public class."""

from __future__ import annotations

import traceback

import pytest

import gptkit
import gptkit.batch


def _public_exceptions() -> list[tuple[str, type[BaseException]]]:
    found: list[tuple[str, type[BaseException]]] = []
    for module in (gptkit, gptkit.batch):
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, type) and issubclass(value, BaseException) and not issubclass(value, Warning):
                found.append((f"{module.__name__}.{value.__name__}", value))  # aliases: the real name
    return sorted(set(found), key=lambda item: item[0])


@pytest.mark.parametrize(("path", "cls"), _public_exceptions(), ids=[p for p, _ in _public_exceptions()])
def test_a_traceback_names_the_public_path(path: str, cls: type[BaseException]) -> None:
    error = cls.__new__(cls)
    BaseException.__init__(error, "boom")
    last = traceback.format_exception_only(cls, error)[-1]
    assert last.startswith(f"{path}: "), last
    assert "._" not in last.split(":", 1)[0]


def test_a_wrong_client_option_names_the_client() -> None:
    with pytest.raises(TypeError) as caught:
        gptkit.Client(api_key="test-key", base_urll="http://127.0.0.1:9/v1")  # type: ignore[call-arg]
    message = str(caught.value)
    assert "base_urll" in message and "Configurable" not in message and "_AzureCore" not in message
