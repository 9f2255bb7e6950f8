"""A Pydantic tool (``openai.pydantic_function_tool``) in ``responses.stream``: the arguments
arrive parsed in the completed event and the final response; the schema sent is printed too."""

import json
from enum import Enum

import openai
from openai import OpenAI
from pydantic import BaseModel, Field


class Priority(str, Enum):
    low = "low"
    high = "high"


class Subtask(BaseModel):
    title: str
    minutes: int = Field(description="Estimated effort")


class CreateTicket(BaseModel):
    """Open a ticket in the tracker."""

    summary: str
    priority: Priority = Priority.low
    assignee: str | None = None
    subtasks: list[Subtask]


tool = openai.pydantic_function_tool(CreateTicket)
print(json.dumps(tool))

client = OpenAI()
with client.responses.stream(
    model="gpt-4o",
    input="The login page is down, open a ticket.",
    tool_choice={"type": "function", "name": "CreateTicket"},
    tools=[tool],
) as stream:
    for event in stream:
        if event.type == "response.function_call_arguments.done":
            print("arguments:", event.arguments)
        elif event.type == "response.completed":
            print(event.response.output[0])

call = stream.get_final_response().output[0]
print(type(call).__name__, call.parsed_arguments)
print(call.parsed_arguments.subtasks)
