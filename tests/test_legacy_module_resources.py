"""The 1.x module-level client reaches every resource gptkit serves, as the official one does.

``openai.responses.create(...)``, ``openai.files.list()``, ``openai.moderations.create(...)``: a
script written in that style runs with ``import gptkit as openai``; each name is the default
client's attribute, resolved at each use (so a changed setting takes effect on the next call).
"""

from __future__ import annotations

import io
import warnings

import openai
import pytest

import gptkit
from gptkit.testing import FakeOpenAI

from .compat_surface import ATTRIBUTE_EXCEPTIONS
from .legacy_helpers import clean_legacy

_ = clean_legacy
pytestmark = [pytest.mark.usefixtures("clean_legacy"),
              pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def _official_module_resources() -> set[str]:
    """The official module's stand-ins for its default client's resources (``openai.files``...)."""
    resources = set(dir(openai.OpenAI(api_key="sk-test")))
    return {name for name in dir(openai) if name in resources
            and type(getattr(openai, name)).__name__.endswith("Proxy")}


def test_every_official_module_resource_is_there() -> None:
    official = _official_module_resources()
    assert {"chat", "responses", "files", "images"} <= official  # the walk found the proxies
    client = gptkit.Client(api_key="sk-test")
    # Resources gptkit does not serve are listed, with the reason, in the compat surface test.
    not_served = official & set(ATTRIBUTE_EXCEPTIONS)
    for name in sorted(official - not_served):
        assert hasattr(gptkit, name), name
        proxy = getattr(gptkit, name)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            gptkit.api_key = "sk-test"
            assert sorted(dir(proxy)) == sorted(n for n in dir(getattr(client, name)) if not n.startswith("_")), name


def test_module_level_resources_call_the_default_client() -> None:
    fake = FakeOpenAI()
    gptkit.transport = fake
    gptkit.api_key = "sk-module"
    response = gptkit.responses.create(model="gpt-4o", input="Say hi")
    assert response.output_text
    moderation = gptkit.moderations.create(input="hello")
    assert moderation.results
    uploaded = gptkit.files.create(file=("notes.jsonl", io.BytesIO(b'{"a": 1}\n')), purpose="batch")
    assert [f.id for f in gptkit.files.list()] == [uploaded.id]
    store = gptkit.vector_stores.create(name="docs")
    assert gptkit.vector_stores.retrieve(store.id).name == "docs"
    conversation = gptkit.conversations.create()
    assert gptkit.conversations.retrieve(conversation.id).id == conversation.id
    paths = [r.path for r in fake.requests]
    assert paths == ["/responses", "/moderations", "/files", "/files", "/vector_stores",
                     f"/vector_stores/{store.id}", "/conversations", f"/conversations/{conversation.id}"]
    assert all(r.headers["authorization"] == "Bearer sk-module" for r in fake.requests)
