"""Cassettes recorded before gptkit sent the official package's strict schemas: a replay that
differs only in those schemas fails with a message that says so and how to fix it; key order
never matters to matching."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import gptkit
from gptkit.testing import Cassette, CassetteError, CassetteWarning, FakeOpenAI

MSGS = [{"role": "user", "content": "Extract the event."}]


class Event(BaseModel):
    """A calendar event."""

    title: str
    room: str | None = None
    seats: int = 4


def _parse(client: gptkit.Client) -> Any:
    return client.chat.completions.parse(model="gpt-4o", messages=MSGS, response_format=Event)


def _record(path: Path) -> None:
    with Cassette(path, mode="all", respect_ci=False) as cassette, gptkit.Client(
            api_key="sk-x", transport=cassette.transport(FakeOpenAI())) as client:
        _parse(client)


def _rewrite_schema(path: Path, change: Any) -> None:
    data = json.loads(path.read_text())
    body = data["interactions"][0]["request"]["body"]
    body["response_format"]["json_schema"]["schema"] = change(body["response_format"]["json_schema"]["schema"])
    path.write_text(json.dumps(data))


def _old_form(schema: Any) -> Any:
    """The schema as gptkit wrote it before: no titles, no defaults."""
    if isinstance(schema, dict):
        return {k: _old_form(v) for k, v in schema.items() if k not in ("title", "default")}
    if isinstance(schema, list):
        return [_old_form(v) for v in schema]
    return schema


def test_an_old_schema_recording_fails_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    _record(path)
    _rewrite_schema(path, _old_form)
    with pytest.warns(CassetteWarning, match="never played"), Cassette(path) as cassette, gptkit.Client(
            api_key="sk-x", transport=cassette.transport(), max_retries=0) as client:
        with pytest.raises(CassetteError) as info:
            _parse(client)
    message = str(info.value)
    assert "Only the strict JSON schemas differ" in message and "GPTKIT_RECORD_MODE=all" in message
    assert '"title": "Event"' in message.split("Body differences")[1]


def test_other_differences_get_no_schema_hint(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    _record(path)
    with pytest.warns(CassetteWarning), Cassette(path) as cassette, gptkit.Client(
            api_key="sk-x", transport=cassette.transport(), max_retries=0) as client:
        with pytest.raises(CassetteError) as info:
            client.chat.completions.parse(model="gpt-4o", messages=MSGS, response_format=Event, temperature=0)
    assert "Only the strict JSON schemas differ" not in str(info.value)


def test_key_order_does_not_matter_and_ignore_skips_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "order.json"
    _record(path)
    _rewrite_schema(path, lambda schema: dict(reversed(list(schema.items()))))
    with Cassette(path) as cassette, gptkit.Client(api_key="sk-x", transport=cassette.transport()) as client:
        assert _parse(client).choices[0].message.parsed is not None
    _rewrite_schema(path, _old_form)
    with Cassette(path, ignore=["response_format.json_schema.schema"]) as cassette, gptkit.Client(
            api_key="sk-x", transport=cassette.transport()) as client:
        assert isinstance(_parse(client).choices[0].message.parsed, Event)
