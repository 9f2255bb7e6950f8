"""``client.images``: generate / edit / create_variation over the transport seam, sync and async:
request shape (JSON, multipart parts), types, streams, cost and budgets, errors and retries."""

from __future__ import annotations

import base64
import pathlib
import warnings
from decimal import Decimal
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.testing import FakeOpenAI
from gptkit.types import ImageGenCompletedEvent, ImageGenPartialImageEvent, ImagesResponse
from tests.helpers import Recorder, close, invoke, make_client

PNG = b"\x89PNG\r\n\x1a\nfake"


def _fake_client(kind: str, fake: FakeOpenAI, **options: Any) -> Any:
    return fake.client(**options) if kind == "sync" else fake.async_client(**options)


def _parts(request: httpx.Request) -> list[tuple[str, str | None]]:
    """(field name, filename) of each multipart part, in order."""
    from email.parser import BytesParser
    from email.policy import HTTP

    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    return [(p.get_param("name", header="content-disposition"), p.get_filename()) for p in message.iter_parts()]


async def test_generate_is_priced_from_its_token_usage(kind: str) -> None:
    fake = FakeOpenAI()
    client = _fake_client(kind, fake)
    result = await invoke(client, "images.generate", model="gpt-image-1", prompt="a red fox", quality="low",
                          size="1024x1536", n=2)
    await close(client)
    assert isinstance(result, ImagesResponse) and result.data is not None and len(result.data) == 2
    assert base64.b64decode(result.data[0].b64_json or "").startswith(b"\x89PNG")
    assert result.usage is not None and result.usage.output_tokens == 2 * 408
    price = gptkit.price_of("gpt-image-1")
    assert price is not None and price.output_per_mtok is not None and price.input_per_mtok is not None
    expected = (Decimal(result.usage.output_tokens) * price.output_per_mtok
                + Decimal(result.usage.input_tokens) * price.input_per_mtok) / 1_000_000
    assert result.cost is not None and result.cost.total == expected
    assert fake.requests[0].body == {"model": "gpt-image-1", "prompt": "a red fox", "quality": "low",
                                     "size": "1024x1536", "n": 2}
    assert client.ledger.calls == 1 and client.ledger.total_cost == expected


async def test_dall_e_has_no_known_price(kind: str) -> None:
    fake = FakeOpenAI()
    client = _fake_client(kind, fake, prices=gptkit.PriceTable())  # a fresh table warns again
    with pytest.warns(gptkit.UnknownPriceWarning, match="dall-e-3"):
        result = await invoke(client, "images.generate", model="dall-e-3", prompt="a fox", response_format="url")
    await close(client)
    assert result.cost is None and result.data[0].url.startswith("https://")
    assert result.data[0].revised_prompt


async def test_edit_sends_every_image_as_a_multipart_part(kind: str, tmp_path: pathlib.Path) -> None:
    source = tmp_path / "photo.png"
    source.write_bytes(PNG)
    recorder = Recorder(httpx.Response(200, json={"created": 1, "data": [{"b64_json": "aGk="}],
                                                  "usage": {"input_tokens": 400, "output_tokens": 272,
                                                            "total_tokens": 672,
                                                            "input_tokens_details": {"image_tokens": 388,
                                                                                     "text_tokens": 12}}}))
    client = make_client(kind, recorder)
    result = await invoke(client, "images.edit", image=[source, ("b.png", PNG, "image/png")],
                          mask=("mask.png", PNG), prompt="add a hat", model="gpt-image-1", n=1,
                          input_fidelity="high")
    await close(client)
    sent = recorder.requests[0]
    assert (sent.method, sent.url.path) == ("POST", "/v1/images/edits")
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    parts = _parts(sent)
    assert ("image[]", "photo.png") in parts and ("image[]", "b.png") in parts and ("mask", "mask.png") in parts
    assert {name for name, filename in parts if filename is None} == {"prompt", "model", "n", "input_fidelity"}
    price = gptkit.price_of("gpt-image-1")
    assert price is not None and result.cost is not None
    assert result.cost.total > Decimal(400) * price.input_per_mtok / 1_000_000  # image tokens cost more


async def test_edit_and_variation_through_the_fake(kind: str) -> None:
    fake = FakeOpenAI()
    client = _fake_client(kind, fake)
    edited = await invoke(client, "images.edit", image=("in.png", PNG), prompt="make it blue")
    variations = await invoke(client, "images.create_variation", image=PNG, n=3, response_format="b64_json",
                              size="256x256")
    await close(client)
    assert edited.usage is not None and edited.usage.input_tokens_details.image_tokens > 0
    assert variations.data is not None and len(variations.data) == 3 and variations.data[0].b64_json


async def test_generate_streams_partial_images_and_is_priced(kind: str) -> None:
    fake = FakeOpenAI()
    client = _fake_client(kind, fake)
    stream = await invoke(client, "images.generate", model="gpt-image-1", prompt="a fox", stream=True,
                          partial_images=2)
    events = list(stream) if kind == "sync" else [event async for event in stream]
    final = stream.get_final_completion() if kind == "sync" else await stream.get_final_completion()
    await close(client)
    assert [type(e) for e in events] == [ImageGenPartialImageEvent] * 2 + [ImageGenCompletedEvent]
    assert [e.partial_image_index for e in events[:2]] == [0, 1]
    assert events[-1].type == "image_generation.completed" and events[-1].usage.output_tokens == 1056 + 200
    assert fake.requests[0].body["stream"] is True
    assert isinstance(final, ImagesResponse) and final.cost is not None and final.cost.total > 0
    assert client.ledger.calls == 1 and client.ledger.total_cost == final.cost.total


async def test_budget_reserves_the_worst_case_of_a_generation(kind: str) -> None:
    fake = FakeOpenAI()
    price = gptkit.price_of("gpt-image-1")
    assert price is not None and price.output_per_mtok is not None
    one_high_portrait = Decimal(6240) * price.output_per_mtok / 1_000_000
    budget = gptkit.Budget(usd=one_high_portrait * 2)  # less than 3 images' worst case
    client = _fake_client(kind, fake, budget=budget)
    with pytest.raises(gptkit.BudgetExceededError):
        await invoke(client, "images.generate", model="gpt-image-1", prompt="x", n=3)
    result = await invoke(client, "images.generate", model="gpt-image-1", prompt="x", quality="low")
    with pytest.raises(gptkit.UnknownPriceError, match="cannot bound"):
        await invoke(client, "images.edit", model="gpt-image-1", image=PNG, prompt="x")
    await close(client)
    assert len(fake.requests) == 1 and budget.spent == result.cost.total and budget.reserved == 0


async def test_bad_parameters_and_files_are_refused_before_sending(kind: str) -> None:
    recorder = Recorder()
    client = make_client(kind, recorder)
    cases: list[tuple[str, dict[str, Any], str]] = [
        ("images.generate", {"prompt": "x", "n": 11}, "n"),
        ("images.generate", {"prompt": ""}, "prompt"),
        ("images.generate", {"prompt": "x", "bogus": 1}, "bogus"),
        ("images.edit", {"image": "photo.png", "prompt": "x"}, "image"),
        ("images.edit", {"image": [], "prompt": "x"}, "image"),
        ("images.edit", {"image": pathlib.Path("/no/such/file.png"), "prompt": "x"}, "image"),
        ("images.create_variation", {"image": PNG, "n": 0}, "n"),
    ]
    for path, kwargs, param in cases:
        with pytest.raises(gptkit.InvalidParameterError) as info:
            await invoke(client, path, **kwargs)
        assert info.value.param == param, path
    await close(client)
    assert recorder.requests == []


async def test_5xx_is_retried_with_the_same_upload_and_4xx_is_typed(kind: str) -> None:
    fake = FakeOpenAI()
    fake.inject("server_error", status=502, times=1, path="/images/edits")
    client = _fake_client(kind, fake, retry=gptkit.RetryPolicy(zero_waits=True))
    result = await invoke(client, "images.edit", image=("in.png", PNG), prompt="retry me")
    with pytest.raises(gptkit.BadRequestError):
        await invoke(client, "images.create_variation", image=PNG, model="gpt-image-1")
    await close(client)
    first, second = [r for r in fake.requests if r.path == "/images/edits"]
    assert first.content == second.content and first.call_key == second.call_key and second.attempt == 2
    assert result.data


def test_no_warning_for_priced_models() -> None:
    fake = FakeOpenAI()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with fake.client(prices=gptkit.PriceTable()) as client:
            client.images.generate(model="gpt-image-1-mini", prompt="x")
