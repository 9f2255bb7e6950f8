"""Function calling with the Responses API: the call, our output, the model's answer."""

import json

from openai import OpenAI

client = OpenAI()

tools = [{
    "type": "function",
    "name": "get_weather",
    "description": "Get the current weather in a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
                   "additionalProperties": False},
    "strict": True,
}]
input_messages = [{"role": "user", "content": "What's the weather like in Paris today?"}]

response = client.responses.create(model="gpt-4o", input=input_messages, tools=tools)
for item in response.output:
    print(item.type)
call = response.output[0]
args = json.loads(call.arguments)
print(call.name, args, call.call_id == response.output[0].call_id)

input_messages.append(call)
input_messages.append({"type": "function_call_output", "call_id": call.call_id, "output": "14 degrees"})
final = client.responses.create(model="gpt-4o", input=input_messages, tools=tools)
print(final.output_text)
