"""The function-calling loop: the model asks for a tool, we answer it, the model replies."""

import json

from openai import OpenAI

client = OpenAI()

tools = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Get the current weather in a city",
            "parameters": {
                "type": "object",
                "properties": {"city": {"type": "string"}},
                "required": ["city"],
            },
        },
    }
]
messages = [{"role": "user", "content": "What's the weather like in Paris today?"}]

completion = client.chat.completions.create(model="gpt-4o", messages=messages, tools=tools)
message = completion.choices[0].message
print(completion.choices[0].finish_reason)
print(message.tool_calls)

messages.append(message)
for tool_call in message.tool_calls:
    args = json.loads(tool_call.function.arguments)
    print(tool_call.type, tool_call.function.name, args)
    messages.append({"role": "tool", "tool_call_id": tool_call.id, "content": f"Sunny in {args['city']}"})

final = client.chat.completions.create(model="gpt-4o", messages=messages, tools=tools)
print(final.choices[0].message.content)
