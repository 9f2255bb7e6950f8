"""Every model at an official ``openai.types`` path declares the official model's fields, in the
official order, and nests models of the official names: field order is print order (``repr``,
``str``, ``model_dump``, ``to_json``), a missing field is a ``name=None`` the official package
prints and gptkit does not, and a nested model prints its class name (``ToolChoiceFunction(...)``,
not ``{...}`` or ``ToolChoice(...)``).

The walk is automatic: a class added under ``gptkit.types`` is checked as soon as the official
package has a class of the same name at the same path. What may differ is listed below with the
reason; an entry that no longer matches anything must go.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Iterator
from typing import Any

import pydantic

import gptkit.types
from gptkit.types._lazy_union import LazyUnion

_INPUT = "input items are request TypedDicts in gptkit (`ResponseInputItemParam`): echoed back as sent"
_TYPED = "gptkit also types the assistant text, refusals and audio a listed input item can hold"
_BETA_GA = "a beta model nests the GA parts it shares with the GA API"

#: ``path.Class.field`` -> why its nested model names differ from the official ones.
NESTED_NAME_EXCEPTIONS: dict[str, str] = {
    "responses.parsed_response.ParsedResponse.output":
        "the official union also lists `LocalShellCallAction` (an action, never an output item: no `type` of its own)",
    "conversations.conversation_item_list.ConversationItemList.data":
        "as `Response.output`; and a conversation's custom tool calls are listed items (with `status`), "
        "typed as `input_items.list` types them",
    "beta.beta_response.BetaResponse.instructions": _INPUT,
    "responses.response_tool_search_output_item_param.ResponseToolSearchOutputItemParam.tools":
        "the tools are typed as `Response.tools` types them (`Mcp`, `CodeInterpreter`...), not as the "
        "official package's twins for this item (`ToolMcp`, `ToolCodeInterpreter`...)",
    "beta.beta_response.BetaResponse.tool_choice": _BETA_GA + ": the same choices as `ToolChoice...`",
    "beta.beta_response_computer_tool_call.BetaResponseComputerToolCall.action":
        _BETA_GA + ": the GA actions (`ActionClick`...), which the beta package names `Click`...",
    "beta.beta_response_function_web_search.BetaResponseFunctionWebSearch.action":
        _BETA_GA + ": the GA `ActionFind`, which the beta package names `ActionFindInPage`",
    "beta.beta_response_input_message_item.BetaResponseInputMessageItem.content": _TYPED,
    "beta.beta_response_function_tool_call_output_item.BetaResponseFunctionToolCallOutputItem.output": _TYPED,
    "beta.beta_response_custom_tool_call_output_item.BetaResponseCustomToolCallOutputItem.output": _TYPED,
    "responses.response_input_message_item.ResponseInputMessageItem.content":
        "gptkit also types the assistant text, refusals and audio a listed input item can hold",
    "responses.response_function_tool_call_output_item.ResponseFunctionToolCallOutputItem.output":
        "gptkit also types the assistant text, refusals and audio a listed input item can hold",
    "responses.response_custom_tool_call_output_item.ResponseCustomToolCallOutputItem.output":
        "gptkit also types the assistant text, refusals and audio a listed input item can hold",
}

#: ``path.Class`` -> the official fields it lacks, and why.
MISSING_FIELD_EXCEPTIONS: dict[str, tuple[tuple[str, ...], str]] = {}


def _official_pairs() -> Iterator[tuple[str, type[pydantic.BaseModel], type[pydantic.BaseModel]]]:
    """``(path.Class, ours, theirs)`` for every gptkit model with an official namesake."""
    for info in pkgutil.walk_packages(gptkit.types.__path__, "gptkit.types."):
        path = info.name.removeprefix("gptkit.types.")
        if path.rsplit(".", 1)[-1].startswith("_"):
            continue
        try:
            theirs = importlib.import_module(f"openai.types.{path}")
        except ImportError:
            continue
        for name, cls in vars(importlib.import_module(info.name)).items():
            other = getattr(theirs, name, None)
            if (inspect.isclass(cls) and issubclass(cls, pydantic.BaseModel) and cls.__module__ == info.name
                    and inspect.isclass(other) and issubclass(other, pydantic.BaseModel)):
                yield f"{path}.{name}", cls, other


def _gptkit_own(field: Any) -> bool:
    """A field gptkit adds (``estimated``...): never printed nor dumped, so it may sit anywhere."""
    return bool(field.exclude) and field.repr is False


def _models(annotation: Any) -> dict[str, type[pydantic.BaseModel]]:
    """The models an annotation can hold (through unions, lists, dicts, Annotated), by name."""
    found: dict[str, type[pydantic.BaseModel]] = {}
    stack = [annotation]
    while stack:
        item = stack.pop()
        if inspect.isclass(item) and issubclass(item, pydantic.BaseModel):
            found[item.__name__] = item
        if isinstance(item, LazyUnion):  # validated as this union, its members loaded on use
            stack.append(item.union())
        stack.extend(typing.get_args(item))
    return found


def _model_names(annotation: Any) -> set[str]:
    """The names of the models an annotation can hold."""
    return set(_models(annotation))


def _beta_shares_ga(mine: dict[str, type[pydantic.BaseModel]],
                    official: dict[str, type[pydantic.BaseModel]]) -> bool:
    """A ``gptkit.types.beta`` model nests the GA model where the official one nests its ``Beta...``
    twin: only for parts the beta API shares unchanged (the same fields in the same order), which
    print under the GA name (docs/migration.md)."""
    ga_only = set(mine) - set(official)
    for name in set(official) - set(mine):
        ga = mine.get(name.removeprefix("Beta"))
        if ga is None or name == ga.__name__:
            return False
        declared = [n for n, field in ga.model_fields.items() if not _gptkit_own(field)]
        if declared != list(official[name].model_fields):
            return False
        ga_only.discard(ga.__name__)
    return not ga_only


def test_every_pair_is_walked() -> None:
    # The walk finds the models it should (a broken walk would pass everything).
    paths = {path for path, _, _ in _official_pairs()}
    assert {"responses.response.Response", "responses.function_tool.FunctionTool", "chat.chat_completion.ChatCompletion",
            "responses.response_text_delta_event.ResponseTextDeltaEvent",
            # the graders and the alpha / checkpoint-permission answers
            "graders.score_model_grader.ScoreModelGrader", "graders.multi_grader.MultiGrader",
            "graders.grader_inputs.GraderInputItemInputImage",
            "fine_tuning.alpha.grader_run_response.MetadataErrors",
            "fine_tuning.checkpoints.permission_retrieve_response.PermissionRetrieveResponse"} <= paths
    assert len(paths) > 250


def test_fields_are_the_official_ones_in_the_official_order() -> None:
    wrong: dict[str, list[str]] = {}
    used: set[str] = set()
    for path, ours, theirs in _official_pairs():
        official = list(theirs.model_fields)
        declared = [name for name, field in ours.model_fields.items() if not _gptkit_own(field)]
        missing = tuple(name for name in official if name not in declared)
        allowed, _reason = MISSING_FIELD_EXCEPTIONS.get(path, ((), ""))
        if path in MISSING_FIELD_EXCEPTIONS:
            used.add(path)
        if declared != official and not (missing == allowed and
                                         declared == [name for name in official if name not in allowed]):
            wrong[path] = declared
    assert wrong == {}, "declare the official fields in the official order (gptkit's own: repr=False, exclude=True)"
    assert sorted(set(MISSING_FIELD_EXCEPTIONS) - used) == []


def test_nested_models_have_the_official_names() -> None:
    wrong: dict[str, tuple[list[str], list[str]]] = {}
    used: set[str] = set()
    for path, ours, theirs in _official_pairs():
        for name, field in ours.model_fields.items():
            if name not in theirs.model_fields:
                continue
            key = f"{path}.{name}"
            # gptkit's fallbacks for kinds it does not know (``Unknown...``, a bare ``APIObject``)
            # have no official twin.
            # A lazily typed field (``Response.instructions``) names its real type in its metadata.
            lazy = [meta.annotation() for meta in field.metadata if callable(getattr(meta, "annotation", None))]
            ours_nested = {n: cls for n, cls in _models(tuple[(field.annotation, *lazy)]).items()
                           if not n.startswith("Unknown") and n != "APIObject"}
            theirs_nested = _models(theirs.model_fields[name].annotation)
            mine, official = set(ours_nested), set(theirs_nested)
            if mine == official or (path.startswith("beta.") and _beta_shares_ga(ours_nested, theirs_nested)):
                continue
            if key in NESTED_NAME_EXCEPTIONS:
                used.add(key)
            else:
                wrong[key] = (sorted(mine - official), sorted(official - mine))
    assert wrong == {}, "nest models named as the official ones: key -> (gptkit only, official only)"
    assert sorted(set(NESTED_NAME_EXCEPTIONS) - used) == []
