"""What a user reads names public things: tracebacks show ``gptkit.RateLimitError``, not the
private module the class lives in, and a client's signature errors name the public class."""

from __future__ import annotations

import traceback
from pathlib import Path

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


def _public_classes() -> list[tuple[str, type]]:
    import typing

    import gptkit.testing

    found: list[tuple[str, type]] = []
    for module in (gptkit, gptkit.testing, gptkit.batch):
        for name in module.__all__:
            value = getattr(module, name)
            if (isinstance(value, type) and not issubclass(value, BaseException)
                    and not getattr(value, "_is_protocol", False) and value is not typing.Any
                    and value is not gptkit.Listener):  # a base class: users print their subclasses
                found.append((f"{module.__name__}.{name}", value))
    return found


@pytest.mark.parametrize(("path", "cls"), _public_classes(), ids=[p for p, _ in _public_classes()])
def test_a_repr_names_no_private_module(path: str, cls: type) -> None:
    # object.__repr__ prints "<gptkit._cost._prices.PriceTable object at 0x...>": a public
    # class either prints itself or lives at a public path.
    assert cls.__repr__ is not object.__repr__ or "._" not in cls.__module__, (path, cls.__module__)


def test_reprs_of_objects_users_print(tmp_path: Path) -> None:
    from gptkit.testing import Cassette, FakeOpenAI, VirtualClock

    fake = FakeOpenAI()
    client = fake.client()
    cassette = Cassette(tmp_path / "unused.json")
    with client.chat.completions.stream(model="gpt-4o", messages=[{"role": "user", "content": "hi"}]) as stream:
        shown = [repr(gptkit.PriceTable({"m": gptkit.ModelPrice(1)})), repr(VirtualClock()),
                 repr(cassette.transport(fake)), repr(stream), repr(client), repr(client.ledger), repr(fake)]
    assert shown[0] == "<PriceTable overrides=1 default=no database=on>"
    assert shown[1] == "<VirtualClock at 1000 s, 0 sleeps>"
    assert shown[3].startswith("<ChatCompletionStream of <Stream ")
    for text in shown:
        assert "._" not in text and " object at 0x" not in text, text


async def test_an_unknown_price_warning_names_the_users_line() -> None:
    import warnings

    from gptkit.testing import FakeOpenAI

    client = gptkit.Client(api_key="test-key", transport=FakeOpenAI())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reply = client.chat.completions.create(model="my-own-model", messages=[{"role": "user", "content": "hi"}])
        assert reply.cost is None
        async with gptkit.AsyncClient(api_key="test-key", transport=FakeOpenAI()) as aclient:
            stream = await aclient.chat.completions.create(model="another-model", stream=True,
                                                           messages=[{"role": "user", "content": "hi"}])
            async for _ in stream:
                pass
            assert stream.cost is None
    found = [w for w in caught if issubclass(w.category, gptkit.UnknownPriceWarning)]
    assert len(found) == 2
    for warning in found:
        assert warning.filename == __file__, warning.filename   # not gptkit/_cost/_prices.py
