"""The fake's graders (``/fine_tuning/alpha/graders``) and checkpoint permissions
(``/fine_tuning/checkpoints/{checkpoint}/permissions``).

Graders are scored for real where that needs no model: ``string_check`` (its four operations) and
``text_similarity`` (``fuzzy_match`` and the other metrics as a character-level similarity), with
``{{sample.output_text}}`` / ``{{sample.output_json.x}}`` / ``{{item.x}}`` templates filled in; a
``multi`` grader evaluates its ``calculate_output`` formula (arithmetic on the graders' names). A
model grader scores the middle of its ``range`` (a label model, its first passing label), and a
Python grader is not run: its answer reports ``python_grader_server_error``.
"""

from __future__ import annotations

import ast
import contextlib
import difflib
import itertools
import json
import operator
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from gptkit._clock import get_clock
from gptkit.testing._fake_files import list_page, not_found, page_limit
from gptkit.testing._fake_forms import bad_request, json_object, missing

if TYPE_CHECKING:
    from gptkit.testing._fake_files import Handler
    from gptkit.testing._faults import FakeRequest

__all__ = ["FakeGraders"]

_REQUIRED = {
    "string_check": ("name", "input", "operation", "reference"),
    "text_similarity": ("name", "input", "reference", "evaluation_metric"),
    "python": ("name", "source"),
    "score_model": ("name", "model", "input"),
    "label_model": ("name", "model", "input", "labels", "passing_labels"),
    "multi": ("name", "graders", "calculate_output"),
}
_TEMPLATE = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
_ERRORS = ("formula_parse_error", "invalid_variable_error", "model_grader_parse_error",
           "model_grader_refusal_error", "model_grader_server_error", "other_error",
           "python_grader_runtime_error", "python_grader_server_error", "sample_parse_error",
           "truncated_observation_error", "unresponsive_reward_error")
_OPS: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def _problem(grader: object, where: str = "grader") -> str | None:
    """Why the API would refuse ``grader``, or None."""
    if not isinstance(grader, Mapping):
        return f"'{where}' must be an object."
    kind = grader.get("type")
    if kind not in _REQUIRED:
        return f"Invalid value for '{where}.type': {kind!r}."
    for name in _REQUIRED[kind]:
        if grader.get(name) in (None, "", []):
            return f"Missing required parameter: '{where}.{name}'."
    if kind == "string_check" and grader["operation"] not in ("eq", "ne", "like", "ilike"):
        return f"Invalid value for '{where}.operation': {grader['operation']!r}."
    if kind == "multi":
        subs = grader["graders"]
        if not isinstance(subs, Mapping):
            return f"'{where}.graders' must be an object."
        # One grader (the official type), or graders by name (what the API documents).
        items: list[tuple[Any, Any]] = [(subs.get("name"), subs)] if "type" in subs else list(subs.items())
        for name, sub in items:
            problem = _problem(sub, f"{where}.graders.{name}")
            if problem:
                return problem
    return None


def _render(template: str, sample: dict[str, Any], item: object) -> str:
    def value(match: re.Match[str]) -> str:
        root, *path = match.group(1).split(".")
        found: Any = {"sample": sample, "item": item}.get(root)
        for key in path:
            found = found.get(key) if isinstance(found, Mapping) else None
        return found if isinstance(found, str) else json.dumps(found) if found is not None else ""

    return _TEMPLATE.sub(value, template)


def _formula(text: str, scores: Mapping[str, float]) -> float:
    """``calculate_output``: numbers, the graders' names, + - * / and parentheses."""
    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in scores:
            return scores[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        raise ValueError(ast.dump(node))

    return walk(ast.parse(text, mode="eval"))


class FakeGraders:
    """Grader runs and validation, and the permissions of fine-tuned checkpoints."""

    def __init__(self) -> None:
        #: Checkpoint -> its permissions, oldest first.
        self.permissions: dict[str, list[dict[str, Any]]] = {}
        self._serial = itertools.count(1)

    def routes(self) -> list[tuple[str, str, Handler]]:
        permissions = "/fine_tuning/checkpoints/{checkpoint}/permissions"
        return [("POST", "/fine_tuning/alpha/graders/run", self._run),
                ("POST", "/fine_tuning/alpha/graders/validate", self._validate),
                ("POST", permissions, self._grant), ("GET", permissions, self._list),
                ("DELETE", permissions + "/{permission_id}", self._revoke)]

    # -- graders ----------------------------------------------------------------------------

    def _validate(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        body = json_object(request)
        if body is None or "grader" not in body:
            return missing("grader")
        problem = _problem(body["grader"])
        return bad_request(problem, "grader") if problem else (200, {"grader": body["grader"]})

    def _run(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        body = json_object(request)
        if body is None:
            return bad_request("The request body must be a JSON object.")
        for name in ("grader", "model_sample"):
            if name not in body:
                return missing(name)
        grader = body["grader"]
        problem = _problem(grader)
        if problem:
            return bad_request(problem, "grader")
        sample: dict[str, Any] = {"output_text": str(body["model_sample"])}
        with contextlib.suppress(ValueError):  # a JSON sample also fills ``sample.output_json``
            sample["output_json"] = json.loads(sample["output_text"])
        errors = dict.fromkeys(_ERRORS, False)
        reward, subs = self._score(grader, sample, body.get("item"), errors)
        metadata = {"errors": {**errors, "model_grader_server_error_details": None,
                               "python_grader_runtime_error_details": None, "python_grader_server_error_type":
                                   "not_run" if errors["python_grader_server_error"] else None},
                    "execution_time": 0.01, "name": grader["name"], "sampled_model_name": None,
                    "scores": subs or {grader["name"]: reward}, "token_usage": None, "type": grader["type"]}
        return 200, {"metadata": metadata, "model_grader_token_usage_per_model": {},
                     "reward": reward, "sub_rewards": subs}

    def _score(self, grader: Mapping[str, Any], sample: dict[str, Any], item: object,
               errors: dict[str, bool]) -> tuple[float, dict[str, float]]:
        kind = grader["type"]
        if kind == "multi":
            graders = grader["graders"]
            named = graders.items() if "type" not in graders else [(graders["name"], graders)]
            subs = {str(name): self._score(sub, sample, item, errors)[0] for name, sub in named}
            try:
                return _formula(grader["calculate_output"], subs), subs
            except (ValueError, SyntaxError, ZeroDivisionError):
                errors["formula_parse_error"] = True
                return 0.0, subs
        if kind == "python":
            errors["python_grader_server_error"] = True
            return 0.0, {}
        if kind == "score_model":
            low, high = (grader.get("range") or [0.0, 1.0])[:2]
            return (float(low) + float(high)) / 2, {}
        if kind == "label_model":
            return 1.0, {}
        given = _render(grader["input"], sample, item)
        reference = _render(grader["reference"], sample, item)
        if kind == "text_similarity":
            return round(difflib.SequenceMatcher(None, given, reference).ratio(), 4), {}
        operation = grader["operation"]
        passed = {"eq": given == reference, "ne": given != reference, "like": reference in given,
                  "ilike": reference.lower() in given.lower()}[operation]
        return float(passed), {}

    # -- checkpoint permissions -------------------------------------------------------------

    def _grant(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        body = json_object(request)
        projects = body.get("project_ids") if body else None
        if not isinstance(projects, list) or not projects or not all(isinstance(p, str) for p in projects):
            return missing("project_ids")
        granted = [{"id": f"cp_fake{next(self._serial):018d}", "object": "checkpoint.permission",
                    "created_at": int(get_clock().wall()), "project_id": project} for project in projects]
        self.permissions.setdefault(params["checkpoint"], []).extend(granted)
        return 200, {"object": "list", "data": granted, "first_id": granted[0]["id"],
                     "last_id": granted[-1]["id"], "has_more": False}

    def _list(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        limit = page_limit(request.query.get("limit"), 10, 100)
        if limit is None:
            return bad_request("'limit' must be an integer from 1 to 100.", "limit")
        order = request.query.get("order", "descending")
        if order not in ("ascending", "descending"):
            return bad_request(f"Invalid value for 'order': {order!r}.", "order")
        found = list(self.permissions.get(params["checkpoint"], []))
        if order == "descending":
            found.reverse()
        project = request.query.get("project_id")
        if project is not None:
            found = [p for p in found if p["project_id"] == project]
        return 200, list_page(found, request.query.get("after"), limit)

    def _revoke(self, request: FakeRequest, params: dict[str, str]) -> tuple[int, Any]:
        granted = self.permissions.get(params["checkpoint"], [])
        for permission in granted:
            if permission["id"] == params["permission_id"]:
                granted.remove(permission)
                return 200, {"id": permission["id"], "object": "checkpoint.permission", "deleted": True}
        return not_found("checkpoint permission", params["permission_id"], "permission_id")
