"""Dict-style access matches attribute access; retired models get a hint; old error names."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import gptkit
import gptkit.error
from gptkit._core._retired import RETIRED_MODELS, model_of_request, retired_hint
from gptkit.types import APIObject, ChatCompletion, Completion, CreateEmbeddingResponse

from .helpers import Recorder, chat_body, close, invoke, make_client
from .legacy_helpers import clean_legacy, completion_body, embedding_body

_ = clean_legacy


def _assert_same_both_ways(obj: Any, data: Any) -> None:
    """Walk ``data`` (the JSON the server sent) and read every value both ways from ``obj``."""
    if isinstance(data, dict):
        for key, value in data.items():
            by_item = obj[key]
            by_attr = getattr(obj, key)
            assert by_item == by_attr or (by_item is by_attr)
            assert (key in obj) is (value is not None)
            assert obj.get(key, "default") == (by_item if value is not None else "default")
            _assert_same_both_ways(by_item, value)
    elif isinstance(data, list):
        assert len(obj) == len(data)
        for item, value in zip(obj, data, strict=True):
            _assert_same_both_ways(item, value)
    else:
        assert obj == data


@pytest.mark.parametrize(
    ("model", "body"),
    [
        (ChatCompletion, {**chat_body("hi", n=2), "system_fingerprint": "fp_1",
                          "prompt_filter_results": [{"prompt_index": 0, "content_filter_results": {
                              "hate": {"filtered": False, "severity": "safe"}}}]}),
        (Completion, completion_body("text")),
        (CreateEmbeddingResponse, embedding_body()),
    ],
)
def test_dict_and_attribute_access_agree(model: type[APIObject], body: dict[str, Any]) -> None:
    obj = model.model_validate(body)
    _assert_same_both_ways(obj, body)
    assert obj.to_dict() == body
    assert obj.to_dict_recursive() == body
    assert set(dict(obj)) == {k for k, v in body.items() if v is not None}
    assert dict(obj.items()) == dict(obj)
    assert list(obj.values()) == [obj[k] for k in obj.keys()]  # noqa: SIM118 - old scripts call keys()


def test_extras_answer_both_ways() -> None:
    obj = ChatCompletion.model_validate({**chat_body(), "provider": {"name": "x", "route": [{"hop": 1}]}})
    assert obj.provider.name == obj["provider"]["name"] == "x"
    assert obj.provider.route[0].hop == obj["provider"]["route"][0]["hop"] == 1
    assert obj.provider.get("missing", 5) == 5
    with pytest.raises(AttributeError):
        _ = obj.provider.missing


def test_missing_keys_behave_like_a_dict() -> None:
    obj = Completion.model_validate(completion_body())
    with pytest.raises(KeyError):
        _ = obj["no_such_field"]
    assert "model_dump" not in obj  # methods are not keys
    with pytest.raises(KeyError):
        _ = obj["cost"]
    assert obj.get("system_fingerprint", "none") == "none"
    assert "system_fingerprint" not in obj


# -- retired models ---------------------------------------------------------------------------


def test_retired_table_and_hint() -> None:
    assert "gpt-3.5-turbo-instruct" in (retired_hint("text-davinci-003") or "")
    assert "gpt-4o" in (retired_hint("gpt-4-0314") or "")
    assert "text-embedding-3-small" in (retired_hint("text-search-ada-doc-001") or "")
    assert retired_hint("gpt-4o") is None
    assert retired_hint(None) is None
    assert all(not k.endswith("*") or k.count("*") == 1 for k in RETIRED_MODELS)
    assert model_of_request("/v1/completions", b'{"model": "davinci", "prompt": "x"}') == "davinci"
    assert model_of_request("/v1/models/text-ada-001", b"") == "text-ada-001"
    assert model_of_request("/v1/models", b"") is None


RETIRED_404 = {"error": {"message": "The model `text-davinci-003` has been deprecated, learn more here: "
                                    "https://platform.openai.com/docs/deprecations",
                         "type": "invalid_request_error", "param": None, "code": "model_not_found"}}


async def test_retired_model_hint_for_every_client(kind: str) -> None:
    recorder = Recorder(httpx.Response(404, json=RETIRED_404))
    client = make_client(kind, recorder, max_retries=0)
    try:
        with pytest.raises(gptkit.NotFoundError) as info:
            await invoke(client, "completions.create", model="text-davinci-003", prompt="x")
    finally:
        await close(client)
    message = str(info.value)
    assert message.startswith("Error code: 404 - The model `text-davinci-003` has been deprecated")
    assert "retired the model 'text-davinci-003'; use gpt-3.5-turbo-instruct" in message
    assert recorder.json()["model"] == "text-davinci-003"  # sent as given: no substitution
    assert len(recorder.requests) == 1


async def test_no_hint_for_current_or_unrelated_errors(kind: str) -> None:
    recorder = Recorder(
        httpx.Response(404, json={"error": {"message": "The model `gpt-5-nope` does not exist",
                                            "code": "model_not_found"}}),
        httpx.Response(400, json={"error": {"message": "temperature too high", "code": None}}),
    )
    client = make_client(kind, recorder, max_retries=0)
    try:
        with pytest.raises(gptkit.NotFoundError) as first:
            await invoke(client, "completions.create", model="gpt-5-nope", prompt="x")
        with pytest.raises(gptkit.BadRequestError) as second:
            await invoke(client, "completions.create", model="davinci", prompt="x")
    finally:
        await close(client)
    assert "Hint" not in str(first.value)
    assert "Hint" not in str(second.value)  # a 400 about something else does not blame the model


@pytest.mark.usefixtures("clean_legacy")
def test_classic_program_with_retired_model_gets_hint() -> None:
    recorder = Recorder(httpx.Response(404, json=RETIRED_404))
    gptkit.transport = recorder.transport
    gptkit.api_key = "sk-old"
    with pytest.raises(gptkit.error.InvalidRequestError, match=r"use gpt-3\.5-turbo-instruct") as info:
        gptkit.Completion.create(engine="text-davinci-003", prompt="Hello", max_tokens=5)
    assert info.value.http_status == 404
    assert isinstance(info.value.json_body, dict)


# -- the old exception names ------------------------------------------------------------------


def test_error_aliases_are_the_real_classes() -> None:
    assert gptkit.error.RateLimitError is gptkit.RateLimitError
    assert gptkit.error.APIError is gptkit.APIError
    assert gptkit.error.AuthenticationError is gptkit.AuthenticationError
    assert gptkit.error.APIConnectionError is gptkit.APIConnectionError
    assert gptkit.error.Timeout is gptkit.APITimeoutError
    assert gptkit.error.ServiceUnavailableError is gptkit.InternalServerError
    assert gptkit.error.PermissionError is gptkit.PermissionDeniedError
    assert gptkit.error.TryAgain is gptkit.ConflictError
    assert gptkit.error.OpenAIError is gptkit.GptkitError is gptkit.OpenAIError
    assert gptkit.error.InvalidRequestError is gptkit.InvalidRequestError
    for cls in (gptkit.BadRequestError, gptkit.NotFoundError, gptkit.UnprocessableEntityError,
                gptkit.InvalidParameterError, gptkit.ContextLengthExceededError):
        assert issubclass(cls, gptkit.error.InvalidRequestError)
    for cls in (gptkit.RateLimitError, gptkit.AuthenticationError, gptkit.ConflictError, gptkit.APIConnectionError):
        assert not issubclass(cls, gptkit.error.InvalidRequestError)
    assert issubclass(gptkit.InvalidParameterError, ValueError)


def test_legacy_names_resolve_but_stay_out_of_all() -> None:
    legacy = ["ChatCompletion", "Completion", "Embedding", "Model", "chat", "completions", "embeddings",
              "models", "error", "api_key", "api_base", "base_url", "organization", "project", "api_type",
              "api_version", "timeout", "max_retries", "http_client", "transport"]
    for name in legacy:
        assert hasattr(gptkit, name)
        assert name not in gptkit.__all__
    assert gptkit.Model is not gptkit.types.Model and gptkit.Completion is not gptkit.types.Completion
