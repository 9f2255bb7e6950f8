"""Strict-mode schemas from pydantic models, checked against schemas written out by hand."""

from __future__ import annotations

import datetime
import enum
from typing import Annotated, Any, Literal

import pydantic
import pytest
from pydantic import BaseModel, Field

import gptkit

STR = {"type": "string"}
INT = {"type": "integer"}
NULL = {"type": "null"}


def obj(properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """What every strict object looks like: all keys required, no additional properties."""
    return {**extra, "type": "object", "properties": properties, "required": list(properties),
            "additionalProperties": False}


class Color(str, enum.Enum):
    RED = "red"
    GREEN = "green"


class Address(BaseModel):
    """A postal address."""

    street: str
    zip: str | None = None


class Order(BaseModel):
    id: int
    color: Color = Color.RED
    shipping: Address
    billing: Address | None = None
    lines: list[Address]
    tags: list[str] = []
    status: Literal["open", "closed"]


def test_nested_models_enums_optionals_and_lists() -> None:
    address = obj({"street": STR, "zip": {"anyOf": [STR, NULL]}}, description="A postal address.")
    expected = obj({
        "id": INT,
        "color": {"$ref": "#/$defs/Color"},                          # the default is dropped
        "shipping": {"$ref": "#/$defs/Address"},
        "billing": {"anyOf": [{"$ref": "#/$defs/Address"}, NULL]},  # optional -> nullable, required
        "lines": {"type": "array", "items": {"$ref": "#/$defs/Address"}},
        "tags": {"type": "array", "items": STR},
        "status": {"type": "string", "enum": ["open", "closed"]},
    })
    expected["$defs"] = {"Address": address, "Color": {"type": "string", "enum": ["red", "green"]}}
    assert gptkit.strict_json_schema(Order) == expected


def test_result_is_a_fresh_copy() -> None:
    first = gptkit.strict_json_schema(Order)
    first["properties"].clear()
    assert gptkit.strict_json_schema(Order)["properties"]


class Located(BaseModel):
    home: Address = Field(description="Where they live")
    mood: Color = Field(description="How they feel")


def test_ref_with_description_is_inlined() -> None:
    # Strict mode refuses ``$ref`` next to other keywords, so the definition is inlined.
    address = obj({"street": STR, "zip": {"anyOf": [STR, NULL]}}, description="Where they live")
    expected = obj({
        "home": address,
        "mood": {"type": "string", "enum": ["red", "green"], "description": "How they feel"},
    })
    expected["$defs"] = {
        "Address": obj({"street": STR, "zip": {"anyOf": [STR, NULL]}}, description="A postal address."),
        "Color": {"type": "string", "enum": ["red", "green"]},
    }
    assert gptkit.strict_json_schema(Located) == expected


class Tree(BaseModel):
    label: str
    children: list[Tree]


def test_recursive_model_root_is_inlined_and_refs_stay() -> None:
    body = obj({"label": STR, "children": {"type": "array", "items": {"$ref": "#/$defs/Tree"}}})
    assert gptkit.strict_json_schema(Tree) == {**body, "$defs": {"Tree": body}}


class Cat(BaseModel):
    kind: Literal["cat"]
    lives: int


class Dog(BaseModel):
    kind: Literal["dog"]


class Owner(BaseModel):
    pet: Annotated[Cat | Dog, Field(discriminator="kind")]


def test_discriminated_union_becomes_any_of() -> None:
    schema = gptkit.strict_json_schema(Owner)
    assert schema["properties"]["pet"] == {"anyOf": [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}]}
    assert schema["$defs"]["Cat"] == obj({"kind": {"type": "string", "const": "cat"}, "lives": INT})


class Constrained(BaseModel):
    name: Annotated[str, Field(min_length=1, max_length=20, pattern=r"^[a-z]+$")]
    age: Annotated[int, Field(ge=0, lt=150)]
    when: datetime.datetime
    site: pydantic.HttpUrl
    few: Annotated[list[int], Field(min_length=1, max_length=3)]
    unique: set[int]


def test_supported_constraints_kept_others_dropped() -> None:
    assert gptkit.strict_json_schema(Constrained)["properties"] == {
        "name": {"type": "string", "pattern": "^[a-z]+$"},        # min/maxLength dropped
        "age": {"type": "integer", "minimum": 0, "exclusiveMaximum": 150},
        "when": {"type": "string", "format": "date-time"},          # a supported format
        "site": STR,                                                # "uri" is not; lengths dropped
        "few": {"type": "array", "items": INT, "minItems": 1, "maxItems": 3},
        "unique": {"type": "array", "items": INT},                  # uniqueItems dropped
    }


class Loose(BaseModel):
    model_config = pydantic.ConfigDict(extra="allow")
    a: int


class Empty(BaseModel):
    pass


def test_extra_allow_model_is_closed_and_empty_model_is_fine() -> None:
    assert gptkit.strict_json_schema(Loose) == obj({"a": INT})
    assert gptkit.strict_json_schema(Empty) == obj({})


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


class GetWeather(BaseModel):
    """Look up the weather."""

    city: str
    unit: Literal["C", "F"] | None = None


def test_pydantic_function_tool() -> None:
    tool = gptkit.pydantic_function_tool(GetWeather)
    assert dict(tool) == {
        "type": "function",
        "function": {
            "name": "GetWeather",
            "description": "Look up the weather.",
            "parameters": obj({"city": STR, "unit": {"anyOf": [{"type": "string", "enum": ["C", "F"]}, NULL]}}),
            "strict": True,
        },
    }
    named = gptkit.pydantic_function_tool(GetWeather, name="weather", description="Weather now.")
    assert named["function"]["name"] == "weather"
    assert named["function"].get("description") == "Weather now."


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
    assert function.get("parameters") == obj({
        "query": {"type": "string", "description": "What to look for, in plain words."},
        "limit": {"type": "integer", "description": "How many hits at most."},
        "since": {"anyOf": [{"type": "string", "format": "date"}, NULL]},
    })


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
    assert (greet["function"].get("parameters") or {})["properties"] == {"name": STR}
