"""The schemas the Pydantic helpers build, printed as JSON: nested and recursive models, enums,
optional fields, defaults and descriptions (what a program sends in ``tools`` / ``text.format``)."""

import json
from enum import Enum
from typing import Literal

import openai
from pydantic import BaseModel, Field


class Kind(str, Enum):
    file = "file"
    folder = "folder"


class Entry(BaseModel):
    """A file or a folder."""

    name: str = Field(description="Base name")
    kind: Kind
    size: int | None = None
    children: list["Entry"] = []


class Move(BaseModel):
    source: Entry
    target: Entry = Field(description="Where it goes")
    mode: Literal["copy", "move"] = "move"
    note: str | int | None = None


for model in (Entry, Move):
    print(json.dumps(openai.pydantic_function_tool(model)))
    print(json.dumps(openai.pydantic_responses_function_tool(model, name="do_" + model.__name__.lower())))
