"""Strict-mode schemas from pydantic models: the official package's, key for key, for every model strict
mode can express, and a ``StrictSchemaError`` naming the field for the others."""

from __future__ import annotations

import datetime
import json
from typing import Annotated, Any, cast

import openai
import pydantic
import pytest
from openai.lib._pydantic import to_strict_json_schema
from pydantic import BaseModel, Field

import gptkit
from tests import schema_models

STR = {"type": "string"}
INT = {"type": "integer"}
NULL = {"type": "null"}


def obj(properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """What every strict object looks like: all keys required, no additional properties."""
    return {**extra, "type": "object", "properties": properties, "required": list(properties),
            "additionalProperties": False}


def same_json(ours: Any, official: Any) -> None:
    """Equal as JSON text, so key order counts too (it is what reaches the wire)."""
    assert json.dumps(ours) == json.dumps(official)


@pytest.mark.parametrize("model", schema_models.SAME, ids=lambda m: m.__name__)
def test_schema_is_the_official_one(model: type[BaseModel]) -> None:
    same_json(gptkit.strict_json_schema(model), to_strict_json_schema(model))


@pytest.mark.parametrize("model", schema_models.ONE_OF, ids=lambda m: m.__name__)
def test_discriminated_union_is_any_of_where_the_official_says_one_of(model: type[BaseModel]) -> None:
    # The API refuses "oneOf"; the key is renamed where it stands and nothing else changes.
    official = json.dumps(to_strict_json_schema(model))
    assert '"oneOf"' in official
    assert json.dumps(gptkit.strict_json_schema(model)) == official.replace('"oneOf"', '"anyOf"')


def test_schema_keeps_what_pydantic_writes() -> None:
    # Spelled out once, so the comparison above cannot pass by both sides being empty.
    schema = gptkit.strict_json_schema(schema_models.Order)
    assert list(schema) == ["$defs", "properties", "required", "title", "type", "additionalProperties"]
    assert schema["title"] == "Order"
    assert schema["properties"]["color"] == {"default": "red", "enum": ["red", "green"], "title": "Color",
                                             "type": "string"}
    assert schema["properties"]["billing"] == {"anyOf": [{"$ref": "#/$defs/Address"}, NULL]}
    assert schema["$defs"]["Address"]["description"] == "A postal address."
    described = gptkit.strict_json_schema(schema_models.Described)["properties"]
    assert described["unit"] == {"anyOf": [{"enum": ["C", "F"], "type": "string"}, NULL],
                                 "description": "Temperature unit", "title": "Unit"}


def test_result_is_a_fresh_copy() -> None:
    first = gptkit.strict_json_schema(schema_models.Order)
    first["properties"].clear()
    assert gptkit.strict_json_schema(schema_models.Order)["properties"]


def test_extra_allow_model_is_closed() -> None:
    # additionalProperties: true is refused by the API; the model will not add keys anyway.
    official = to_strict_json_schema(schema_models.Loose)
    assert official["additionalProperties"] is True
    same_json(gptkit.strict_json_schema(schema_models.Loose), {**official, "additionalProperties": False})


class WithDict(BaseModel):
    name: str
    meta: dict[str, int]


class Inner(BaseModel):
    payload: Any


class WithAnyDeep(BaseModel):
    items: list[Inner]


class WithTuple(BaseModel):
    point: tuple[int, int]


class WithFreeObject(BaseModel):
    extra: dict[str, Any]


class WithBareList(BaseModel):
    things: list  # type: ignore[type-arg]


@pytest.mark.parametrize(
    ("model", "field", "words"),
    [
        (WithDict, "WithDict.meta", "dict with arbitrary keys"),
        (WithAnyDeep, "Inner.payload", "any value"),
        (WithTuple, "WithTuple.point", "tuple"),
        (WithFreeObject, "WithFreeObject.extra", "arbitrary keys"),
        (WithBareList, "WithBareList.things[]", "any value"),
    ],
)
def test_inexpressible_models_name_the_field(model: type[BaseModel], field: str, words: str) -> None:
    with pytest.raises(gptkit.StrictSchemaError) as info:
        gptkit.strict_json_schema(model)
    assert info.value.field == field
    assert f"'{field}'" in str(info.value) and words in str(info.value)
    assert isinstance(info.value, gptkit.InvalidParameterError)


def test_root_must_be_an_object() -> None:
    with pytest.raises(gptkit.StrictSchemaError, match="root and must be an object"):
        gptkit.strict_json_schema(pydantic.RootModel[list[int]])


def test_not_a_model_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        gptkit.strict_json_schema(dict)  # type: ignore[arg-type]


# -- tools ------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", [schema_models.GetWeather, schema_models.Described, schema_models.Tree],
                         ids=lambda m: m.__name__)
def test_pydantic_function_tool_is_the_official_one(model: type[BaseModel]) -> None:
    same_json(gptkit.pydantic_function_tool(model), openai.pydantic_function_tool(model))
    same_json(gptkit.pydantic_function_tool(model, name="weather", description="Weather now."),
              openai.pydantic_function_tool(model, name="weather", description="Weather now."))
    same_json(gptkit.pydantic_responses_function_tool(model),
              openai.pydantic_responses_function_tool(model))
    same_json(gptkit.pydantic_responses_function_tool(model, name="w", description="", defer_loading=True),
              openai.pydantic_responses_function_tool(model, name="w", description="", defer_loading=True))


def test_pydantic_function_tool() -> None:
    tool = gptkit.pydantic_function_tool(schema_models.GetWeather)
    function = tool["function"]
    assert list(function) == ["name", "strict", "parameters", "description"]
    assert function["name"] == "GetWeather" and function.get("strict") is True
    assert function.get("description") == "Get the current weather for a city."
    # The docstring stays in the parameters too, as the official package sends it.
    assert (function.get("parameters") or {})["description"] == "Get the current weather for a city."
    assert "description" not in gptkit.pydantic_function_tool(schema_models.Tree)["function"]


def test_pydantic_function_tool_rejects_inexpressible_model() -> None:
    with pytest.raises(gptkit.StrictSchemaError) as info:
        gptkit.pydantic_function_tool(WithDict)
    assert info.value.field == "WithDict.meta"


def search_docs(query: str, limit: int = 5, *, since: datetime.date | None = None) -> list[str]:
    """Search the documentation.

    Longer explanation that stays in the description.

    Args:
        query: What to look for,
            in plain words.
        limit (int): How many hits at most.

    Returns:
        The titles.
    """
    return []


def test_function_tool_reads_signature_and_docstring() -> None:
    tool = gptkit.function_tool(search_docs)
    function = tool["function"]
    assert function["name"] == "search_docs"
    assert function.get("description") == (
        "Search the documentation.\n\nLonger explanation that stays in the description."
    )
    assert function.get("strict") is True
    parameters = function.get("parameters") or {}
    # The arguments' model, turned into a strict schema as the official package would.
    same_json(parameters, to_strict_json_schema(cast(Any, tool).model))
    assert parameters["required"] == ["query", "limit", "since"]
    assert parameters["additionalProperties"] is False
    assert parameters["properties"]["query"] == {"description": "What to look for, in plain words.",
                                                 "title": "Query", "type": "string"}
    assert parameters["properties"]["limit"]["default"] == 5
    assert parameters["properties"]["since"] == {"anyOf": [{"format": "date", "type": "string"}, NULL],
                                                 "title": "Since"}


def test_function_tool_annotated_description_and_non_strict() -> None:
    def f(x: Annotated[int, Field(description="the x")], meta: dict[str, int]) -> None:
        """Do f."""

    with pytest.raises(gptkit.StrictSchemaError) as info:
        gptkit.function_tool(f)
    assert info.value.field == "f.meta"
    loose = gptkit.function_tool(f, strict=False)
    assert loose["function"].get("strict") is False
    params = loose["function"].get("parameters") or {}
    assert params["properties"]["x"]["description"] == "the x"
    assert params["properties"]["meta"]["additionalProperties"] == {"type": "integer"}


def test_function_tool_rejects_unannotated_and_var_args() -> None:
    def untyped(x) -> None:  # type: ignore[no-untyped-def]
        pass

    def star(*args: int) -> None:
        pass

    with pytest.raises(gptkit.StrictSchemaError, match="'x' has no type annotation") as info:
        gptkit.function_tool(untyped)
    assert info.value.field == "untyped.x"
    with pytest.raises(gptkit.StrictSchemaError, match=r"\*args"):
        gptkit.function_tool(star)
    with pytest.raises(gptkit.InvalidParameterError, match="tool name"):
        gptkit.function_tool(lambda: None)


def test_function_tool_from_partial_and_callable_object() -> None:
    import functools

    def scale(value: float, factor: float) -> float:
        return value * factor

    class Greeter:
        def __call__(self, name: str) -> str:
            return f"hi {name}"

    double = gptkit.function_tool(functools.partial(scale, factor=2.0), name="double")
    assert (double["function"].get("parameters") or {})["required"] == ["value", "factor"]
    greet = gptkit.function_tool(Greeter(), name="greet")
    assert (greet["function"].get("parameters") or {})["properties"] == {"name": {"title": "Name", **STR}}
