"""Tools from Pydantic models with ``openai.pydantic_function_tool`` and ``parse``."""

from enum import Enum

import openai
from openai import OpenAI
from pydantic import BaseModel


class Unit(str, Enum):
    celsius = "celsius"
    fahrenheit = "fahrenheit"


class GetWeather(BaseModel):
    city: str
    country: str
    unit: Unit


tool = openai.pydantic_function_tool(GetWeather, name="get_weather", description="Weather in a city")
print(tool["type"], tool["function"]["name"], tool["function"]["strict"])
print(sorted(tool["function"]["parameters"]["properties"]))

client = OpenAI()
completion = client.chat.completions.parse(
    model="gpt-4o-2024-08-06",
    messages=[{"role": "user", "content": "What's the weather like in Paris?"}],
    tools=[tool],
)
tool_call = (completion.choices[0].message.tool_calls or [])[0]
print(tool_call.function.name)
print(tool_call.function.parsed_arguments)
print(type(tool_call).__name__, type(tool_call.function).__name__)
