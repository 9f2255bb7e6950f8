"""Stream a tool call and put its arguments together from the deltas."""

import json

from openai import OpenAI

client = OpenAI()

tools = [{"type": "function", "function": {"name": "get_weather", "parameters": {
    "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]

stream = client.chat.completions.create(
    model="gpt-4o",
    messages=[{"role": "user", "content": "Weather in Paris and Rome?"}],
    tools=tools,
    stream=True,
)
calls = {}
for chunk in stream:
    if not chunk.choices:
        continue
    delta = chunk.choices[0].delta
    for call in delta.tool_calls or []:
        entry = calls.setdefault(call.index, {"id": None, "name": "", "arguments": ""})
        if call.id:
            entry["id"] = call.id
        if call.function.name:
            entry["name"] += call.function.name
        if call.function.arguments:
            entry["arguments"] += call.function.arguments
    if chunk.choices[0].finish_reason:
        print("finish:", chunk.choices[0].finish_reason)
for index, entry in sorted(calls.items()):
    print(index, entry["id"], entry["name"], json.loads(entry["arguments"]))
