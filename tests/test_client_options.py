"""The official client's attributes and ``copy()`` rules, checked against ``openai`` itself and
over the transport seam (where a call goes, with which headers, query and timeout)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import openai
import pytest

import gptkit

from .helpers import Recorder, chat_body

MSGS = [{"role": "user", "content": "hi"}]
KEY = "sk-options-test-key-123"


def _sync(rec: Recorder, **options: Any) -> gptkit.Client:
    return gptkit.Client(api_key=KEY, transport=rec.transport, **options)


def _call(client: gptkit.Client) -> None:
    client.chat.completions.create(model="gpt-4o", messages=MSGS)


def test_attributes_match_the_official_client() -> None:
    options: dict[str, Any] = {"api_key": KEY, "organization": "org-1", "project": "proj-1",
                               "base_url": "http://localhost:8000/v1", "max_retries": 4,
                               "default_query": {"api-version": "1"}}
    ours, theirs = gptkit.Client(**options), openai.OpenAI(**options)
    assert ours.api_key == theirs.api_key == KEY
    assert str(ours.base_url) == str(theirs.base_url) == "http://localhost:8000/v1/"
    assert isinstance(ours.base_url, httpx.URL)
    assert (ours.organization, ours.project) == (theirs.organization, theirs.project) == ("org-1", "proj-1")
    assert ours.max_retries == theirs.max_retries == 4
    assert ours.default_query == theirs.default_query == {"api-version": "1"}
    assert repr(ours.timeout) == repr(theirs.timeout) == "Timeout(connect=5.0, read=600, write=600, pool=600)"
    assert ours.default_headers["OpenAI-Organization"] == theirs.default_headers["OpenAI-Organization"]
    assert ours.default_headers["Accept"] == theirs.default_headers["Accept"] == "application/json"
    assert KEY not in repr(ours) and KEY not in str(ours.default_headers)


def test_api_key_empty_for_no_key_clients() -> None:
    assert gptkit.Client(api_key=gptkit.NO_API_KEY).api_key == ""


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_assigning_base_url_moves_later_calls(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    client = cls(api_key=KEY, transport=rec.transport, base_url="http://first.test/v1")
    client.base_url = "http://second.test/v2/"  # type: ignore[assignment]
    assert client.base_url == "http://second.test/v2/"
    result = client.chat.completions.create(model="gpt-4o", messages=MSGS)
    if kind == "async":
        await result  # type: ignore[misc]
    assert str(rec.requests[0].url) == "http://second.test/v2/chat/completions"
    with pytest.raises(ValueError, match="http:// or https://"):
        client.base_url = "second.test"  # type: ignore[assignment]
    with pytest.raises(TypeError, match=r"base_url must be a string or httpx\.URL, not int"):
        client.base_url = 1  # type: ignore[assignment]


def test_copy_is_with_options_and_merges_like_the_official_copy() -> None:
    options: dict[str, Any] = {"api_key": KEY, "default_headers": {"X-A": "1"}, "default_query": {"a": "1"}}
    ours, theirs = gptkit.Client(**options), openai.OpenAI(**options)
    for change in ({"default_headers": {"X-B": "2"}, "default_query": {"b": "2"}},
                   {"set_default_headers": {"X-C": "3"}, "set_default_query": {"c": "3"}}):
        a, b = ours.copy(**change), theirs.copy(**change)
        assert a.default_query == b.default_query
        mine = ("X-A", "X-B", "X-C")
        assert {k: v for k, v in a.default_headers.items() if k in mine} == {
            k: v for k, v in b.default_headers.items() if k in mine}
    with pytest.raises(ValueError, match="mutually exclusive"):
        ours.copy(default_query={"a": "2"}, set_default_query={})
    with pytest.raises(ValueError, match="mutually exclusive"):
        theirs.copy(default_query={"a": "2"}, set_default_query={})
    kept = ours.with_options(organization=None, base_url=None)
    assert kept.base_url == ours.base_url and kept.default_query == {"a": "1"}


def test_copied_headers_and_query_reach_the_wire() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = _sync(rec, default_headers={"X-Team": "a"}, default_query={"v": "1"})
    _call(client.copy(default_headers={"X-Run": "7"}, default_query={"w": "2"}))
    _call(client.copy(set_default_query={"only": "x"}))
    first, second = rec.requests
    assert first.headers["x-team"] == "a" and first.headers["x-run"] == "7"
    assert dict(first.url.params) == {"v": "1", "w": "2"}
    assert dict(second.url.params) == {"only": "x"}


def test_timeout_none_means_no_timeout_everywhere() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = _sync(rec)
    _call(client)
    assert rec.requests[-1].extensions["timeout"]["read"] == 600.0  # left out: the default
    _call(_sync(rec, timeout=None))
    assert rec.requests[-1].extensions["timeout"] == {"connect": None, "read": None, "write": None, "pool": None}
    _call(client.with_options(timeout=None))
    assert rec.requests[-1].extensions["timeout"]["read"] is None
    client.chat.completions.create(model="gpt-4o", messages=MSGS, timeout=None)
    assert rec.requests[-1].extensions["timeout"]["read"] is None
    assert openai.OpenAI(api_key=KEY, timeout=None).timeout is None  # the oracle agrees
    assert gptkit.Client(api_key=KEY, timeout=None).timeout is None
    assert client.with_options(timeout=None).timeout is None


def test_http_client_keeps_its_own_timeout_unless_one_is_given() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    http = httpx.Client(transport=rec.transport, timeout=3.0)
    _call(gptkit.Client(api_key=KEY, http_client=http))
    assert rec.requests[-1].extensions["timeout"]["read"] == 3.0
    assert openai.OpenAI(api_key=KEY, http_client=http).timeout.read == 3.0  # type: ignore[union-attr]
    assert gptkit.Client(api_key=KEY, http_client=http).timeout == http.timeout  # reported as the oracle does
    _call(gptkit.Client(api_key=KEY, http_client=http, timeout=9.0))
    assert rec.requests[-1].extensions["timeout"]["read"] == 9.0
    plain = httpx.Client(transport=rec.transport)  # httpx's default timeout: ours applies
    _call(gptkit.Client(api_key=KEY, http_client=plain))
    assert rec.requests[-1].extensions["timeout"]["read"] == 600.0


def test_copy_with_an_http_client_sends_through_it() -> None:
    first, second = Recorder(httpx.Response(200, json=chat_body())), Recorder(httpx.Response(200, json=chat_body()))
    client = _sync(first)
    _call(client.copy(http_client=httpx.Client(transport=second.transport)))
    assert not first.requests and len(second.requests) == 1
    with pytest.raises(TypeError, match=r"needs an httpx\.Client"):
        client.copy(http_client=httpx.AsyncClient())
    with pytest.raises(TypeError, match=r"needs an httpx\.AsyncClient"):
        gptkit.AsyncClient(api_key=KEY).copy(http_client=httpx.Client())


def test_httpx2_timeout_objects_are_accepted() -> None:
    import httpx2  # the official package's HTTP stack (installed with it in the dev environment)

    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = _sync(rec, timeout=httpx2.Timeout(7.0, connect=2.0))
    _call(client)
    assert rec.requests[-1].extensions["timeout"] == {"connect": 2.0, "read": 7.0, "write": 7.0, "pool": 7.0}
    client.chat.completions.create(model="gpt-4o", messages=MSGS, timeout=httpx2.Timeout(None, read=30.0))
    assert rec.requests[-1].extensions["timeout"]["read"] == 30.0
    _call(client.with_options(timeout=httpx2.Timeout(4.0)))  # type: ignore[arg-type]
    assert rec.requests[-1].extensions["timeout"]["read"] == 4.0


@pytest.mark.parametrize(("options", "message"), [
    ({"max_retries": "3"}, "max_retries must be a whole number >= 0, not str"),
    ({"organization": 1}, "organization must be a string, not int"),
    ({"project": ["p"]}, "project must be a string, not list"),
    ({"base_url": 8000}, "base_url must be a string or httpx.URL, not int"),
    ({"default_headers": [("a", "b")]}, "default_headers must be a mapping"),
    ({"default_query": "a=1"}, "default_query must be a mapping"),
    ({"timeout": "30"}, "timeout must be a positive number"),
])
def test_wrong_types_raise_type_error(options: dict[str, Any], message: str) -> None:
    for cls in (gptkit.Client, gptkit.AsyncClient):
        with pytest.raises(TypeError, match=message):
            cls(api_key=KEY, **options)


def test_omit_drops_a_parameter_or_a_default_header() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = _sync(rec, organization="org-1", default_headers={"X-Team": "a"})
    client.chat.completions.create(model="gpt-4o", messages=MSGS, temperature=gptkit.omit, user=gptkit.not_given,
                                   extra_headers={"OpenAI-Organization": gptkit.Omit(), "x-team": gptkit.omit})
    sent = rec.requests[-1]
    assert json.loads(sent.content) == {"model": "gpt-4o", "messages": MSGS}
    assert "openai-organization" not in sent.headers and "x-team" not in sent.headers
    assert sent.headers["authorization"] == f"Bearer {KEY}"


def test_default_httpx_clients_carry_the_defaults_and_your_changes() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    http = gptkit.DefaultHttpxClient(transport=rec.transport, headers={"X-Proxy-Auth": "p"})
    assert http.timeout == gptkit.DEFAULT_TIMEOUT and http.follow_redirects
    _call(gptkit.Client(api_key=KEY, http_client=http))
    assert rec.requests[-1].extensions["timeout"]["read"] == 600.0
    assert isinstance(gptkit.DefaultAsyncHttpxClient(), httpx.AsyncClient)
    with pytest.raises(TypeError, match=r"needs an httpx\.Client"):
        gptkit.Client(api_key=KEY, http_client=gptkit.DefaultAsyncHttpxClient())  # type: ignore[arg-type]
    assert gptkit.DEFAULT_MAX_RETRIES == openai.DEFAULT_MAX_RETRIES
    assert isinstance(gptkit.Timeout(3.0), httpx.Timeout)


async def test_async_client_close_is_the_official_name() -> None:
    client = gptkit.AsyncOpenAI(api_key=KEY)
    await client.close()
    assert client.is_closed


def test_auth_headers_and_user_agent() -> None:
    assert gptkit.Client(api_key=KEY).auth_headers == openai.OpenAI(api_key=KEY).auth_headers
    assert gptkit.Client(api_key=gptkit.NO_API_KEY).auth_headers == {}
    azure = gptkit.AzureClient(azure_endpoint="https://r.openai.azure.com", api_version="2024-10-21", api_key=KEY)
    assert azure.auth_headers == {"api-key": KEY}
    assert gptkit.Client(api_key=KEY).user_agent.startswith("gptkit/")
