"""``client.fine_tuning.alpha.graders`` (run, validate) and
``client.fine_tuning.checkpoints.permissions`` (create, retrieve, list, delete), sync and async,
against the fake server; bad input is refused before anything is sent."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import httpx
import pytest

import gptkit
from gptkit.testing import FakeOpenAI
from gptkit.types.fine_tuning import ReinforcementMethod
from gptkit.types.fine_tuning.alpha import GraderRunResponse
from gptkit.types.graders import MultiGrader, ScoreModelGrader, StringCheckGrader

from .helpers import close, invoke

KINDS = ["sync", "async"]
CKPT = "ft:gpt-4o-mini-2024-07-18:org:graded:ckpt-step-90"
EXACT = {"type": "string_check", "name": "exact", "input": "{{sample.output_text}}", "operation": "eq",
         "reference": "{{item.answer}}"}


def client_for(kind: str, fake: Any) -> Any:
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    return cls(api_key="sk-test", transport=fake, max_retries=0)


async def collect(page: Any) -> list[Any]:
    if hasattr(page, "__aiter__"):
        return [item async for item in page]
    return list(page)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("operation", "sample", "reward"), [
    ("eq", "Paris", 1.0), ("eq", "paris", 0.0), ("ne", "Lyon", 1.0), ("like", "It is Paris.", 1.0),
    ("ilike", "it is PARIS", 1.0), ("like", "it is PARIS", 0.0),
])
async def test_run_scores_a_sample_with_the_item_filled_in(kind: str, operation: str, sample: str,
                                                           reward: float) -> None:
    fake = FakeOpenAI()
    client = client_for(kind, fake)
    grader = {**EXACT, "operation": operation}
    result = await invoke(client, "fine_tuning.alpha.graders.run", grader=grader, model_sample=sample,
                          item={"answer": "Paris"})
    assert isinstance(result, GraderRunResponse) and result.reward == reward
    assert result.metadata.name == "exact" and result.metadata.errors.api_model_grader_parse_error is False
    assert result.to_dict()["model_grader_token_usage_per_model"] == {}  # the API's name on the wire
    sent = fake.requests[-1]
    assert sent.path.endswith("/fine_tuning/alpha/graders/run")
    assert sent.body == {"grader": grader, "model_sample": sample, "item": {"answer": "Paris"}}
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_multi_grader_combines_its_graders_scores(kind: str) -> None:
    client = client_for(kind, FakeOpenAI())
    similar = {"type": "text_similarity", "name": "b", "input": "{{sample.output_json.city}}",
               "reference": "Paris", "evaluation_metric": "fuzzy_match"}
    multi = {"type": "multi", "name": "both", "calculate_output": "(a + b) / 2",
             "graders": {"a": {**EXACT, "name": "a"}, "b": similar}}
    result = await invoke(client, "fine_tuning.alpha.graders.run", grader=multi,
                          model_sample='{"city": "Paris"}', item={"answer": "Paris"})
    assert result.sub_rewards == {"a": 0.0, "b": 1.0} and result.reward == 0.5
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
async def test_validate_answers_the_typed_grader_and_the_server_refuses_a_bad_one(kind: str) -> None:
    client = client_for(kind, FakeOpenAI())
    answer = await invoke(client, "fine_tuning.alpha.graders.validate", grader=EXACT)
    assert isinstance(answer.grader, StringCheckGrader) and answer.grader.reference == "{{item.answer}}"
    with pytest.raises(gptkit.BadRequestError, match="operation"):
        await invoke(client, "fine_tuning.alpha.graders.validate", grader={**EXACT, "operation": "regex"})
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("call", "kwargs", "param"), [
    ("fine_tuning.alpha.graders.run", {"grader": "exact", "model_sample": "x"}, "grader"),
    ("fine_tuning.alpha.graders.run", {"grader": {"name": "x"}, "model_sample": "x"}, "grader"),
    ("fine_tuning.alpha.graders.run", {"grader": EXACT, "model_sample": 3}, "model_sample"),
    ("fine_tuning.alpha.graders.validate", {"grader": None}, "grader"),
    ("fine_tuning.checkpoints.permissions.create", {"fine_tuned_model_checkpoint": CKPT, "project_ids": []},
     "project_ids"),
    ("fine_tuning.checkpoints.permissions.create", {"fine_tuned_model_checkpoint": CKPT, "project_ids": "p"},
     "project_ids"),
    ("fine_tuning.checkpoints.permissions.list", {"fine_tuned_model_checkpoint": CKPT, "order": "asc"}, "order"),
    ("fine_tuning.checkpoints.permissions.retrieve", {"fine_tuned_model_checkpoint": ""},
     "fine_tuned_model_checkpoint"),
    ("fine_tuning.checkpoints.permissions.delete", {"permission_id": "cp_1", "fine_tuned_model_checkpoint": ""},
     "fine_tuned_model_checkpoint"),
])
async def test_bad_input_is_refused_before_anything_is_sent(kind: str, call: str, kwargs: dict[str, Any],
                                                            param: str) -> None:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    transport = httpx.MockTransport(record)
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    client = cls(api_key="sk-test", transport=transport)
    with pytest.raises(gptkit.InvalidParameterError) as caught:
        await invoke(client, call, **kwargs)
    assert caught.value.param == param and sent == []
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
async def test_checkpoint_permissions_are_granted_listed_and_revoked(kind: str) -> None:
    fake = FakeOpenAI()
    client = client_for(kind, fake)
    perms = "fine_tuning.checkpoints.permissions"
    created = await invoke(client, f"{perms}.create", CKPT, project_ids=["proj_a", "proj_b", "proj_c"])
    assert [p.project_id for p in created.data] == ["proj_a", "proj_b", "proj_c"]
    assert created.data[0].object == "checkpoint.permission"
    assert unquote(fake.requests[-1].path).endswith(f"/fine_tuning/checkpoints/{CKPT}/permissions")
    everyone = await collect(await invoke(client, f"{perms}.list", CKPT, limit=2))
    assert [p.project_id for p in everyone] == ["proj_c", "proj_b", "proj_a"]  # newest first, over pages
    page = await invoke(client, f"{perms}.retrieve", CKPT, order="ascending", limit=2)
    assert [p.project_id for p in page.data] == ["proj_a", "proj_b"] and page.has_more is True
    only = await invoke(client, f"{perms}.retrieve", CKPT, project_id="proj_b")
    assert [p.project_id for p in only.data] == ["proj_b"]
    deleted = await invoke(client, f"{perms}.delete", created.data[0].id, fine_tuned_model_checkpoint=CKPT)
    assert deleted.deleted is True and deleted.id == created.data[0].id
    with pytest.raises(gptkit.NotFoundError):
        await invoke(client, f"{perms}.delete", created.data[0].id, fine_tuned_model_checkpoint=CKPT)
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
async def test_raw_responses_of_the_new_resources(kind: str) -> None:
    client = client_for(kind, FakeOpenAI())
    raw = await invoke(client, "fine_tuning.alpha.graders.with_raw_response.validate", grader=EXACT)
    assert raw.status_code == 200 and raw.parse().grader.name == "exact"
    await close(client)


def test_a_reinforcement_job_reads_its_grader_typed() -> None:
    method = ReinforcementMethod.model_validate({"grader": {
        "type": "multi", "name": "m", "calculate_output": "a",
        "graders": {"type": "score_model", "name": "a", "model": "o3-mini", "range": [0, 10],
                    "input": [{"role": "user", "content": [{"type": "input_text", "text": "{{sample}}"},
                                                           {"type": "input_image", "image_url": "u"}]}]}}})
    assert isinstance(method.grader, MultiGrader) and isinstance(method.grader.graders, ScoreModelGrader)
    assert type(method.grader.graders.input[0].content[1]).__name__ == "GraderInputItemInputImage"
    odd = ReinforcementMethod.model_validate({"grader": {"type": "future_grader", "name": "x", "knob": 1}})
    assert odd.grader is not None and odd.grader.model_dump()["knob"] == 1  # an unknown kind keeps its fields
