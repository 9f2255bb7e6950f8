"""Pydantic models of many shapes, for comparing gptkit's strict schemas with the official package's."""

from __future__ import annotations

import datetime
import decimal
import enum
import uuid
from typing import Annotated, Literal

import pydantic
from pydantic import BaseModel, Field


class Color(str, enum.Enum):
    RED = "red"
    GREEN = "green"


class Size(enum.IntEnum):
    SMALL = 1
    LARGE = 2


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


class Located(BaseModel):
    home: Address = Field(description="Where they live")
    mood: Color = Field(description="How they feel")
    size: Size = Size.SMALL


class Tree(BaseModel):
    label: str
    children: list[Tree]


class Node(BaseModel):
    """A linked list node."""

    value: int
    next: Node | None = Field(default=None, description="The next node")


class Person(BaseModel):
    name: str
    friends: list[Person] = []
    best_friend: Person | None = None


class Cat(BaseModel):
    kind: Literal["cat"]
    lives: int


class Dog(BaseModel):
    kind: Literal["dog"]
    good: bool = True


class Owner(BaseModel):
    pet: Annotated[Cat | Dog, Field(discriminator="kind")]


class Pets(BaseModel):
    pets: list[Annotated[Cat | Dog, Field(discriminator="kind")]]


class PlainUnion(BaseModel):
    value: int | str | None
    either: Cat | Dog
    many: list[int | float]


class Constrained(BaseModel):
    name: Annotated[str, Field(min_length=1, max_length=20, pattern=r"^[a-z]+$")]
    age: Annotated[int, Field(ge=0, lt=150)]
    score: Annotated[float, Field(gt=0, le=1, multiple_of=0.5)]
    when: datetime.datetime
    day: datetime.date
    site: pydantic.HttpUrl
    email_like: Annotated[str, Field(examples=["a@b.c"], title="Email")]
    few: Annotated[list[int], Field(min_length=1, max_length=3)]
    unique: set[int]
    ident: uuid.UUID
    price: decimal.Decimal


class Defaults(BaseModel):
    """Fields that all have defaults."""

    count: int = 3
    label: str = "x"
    flag: bool = False
    ratio: float = 0.5
    maybe: int | None = None
    colors: list[Color] = [Color.RED]
    address: Address | None = None


class Described(BaseModel):
    """Top-level description.

    With a second paragraph.
    """

    city: str = Field(description="The city", title="City name")
    unit: Literal["C", "F"] | None = Field(None, description="Temperature unit")
    nested: Address = Field(description="An address, described", title="Nested")


class Aliased(BaseModel):
    model_config = pydantic.ConfigDict(populate_by_name=True)
    first_name: str = Field(alias="firstName")
    last: str = Field(serialization_alias="lastName")


class Forbid(BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    a: int


class Empty(BaseModel):
    pass


class Deep(BaseModel):
    orders: list[Order]
    located: Located | None
    tree: Tree
    grid: list[list[Address]]


class GetWeather(BaseModel):
    """Get the current weather for a city."""

    city: str
    country: str = Field(description="ISO country code")
    unit: Literal["celsius", "fahrenheit"] = "celsius"


class Loose(BaseModel):
    model_config = pydantic.ConfigDict(extra="allow")
    a: int


class Generic(BaseModel):
    items: list[Annotated[int, Field(ge=0)]]
    pair_list: list[Address | Cat]
    literal_int: Literal[1, 2, 3]
    const: Literal["only"]


#: Models whose strict schema is the official one exactly (keys, values and order).
SAME = [Order, Located, Tree, Node, Person, PlainUnion, Constrained, Defaults, Described, Aliased,
        Forbid, Empty, Deep, GetWeather, Generic, Address, Cat]
#: Models with a discriminated union: the official ``oneOf`` (which the API refuses) is ``anyOf``.
ONE_OF = [Owner, Pets]
