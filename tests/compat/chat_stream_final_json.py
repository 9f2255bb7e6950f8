"""Stream a tool-calling answer with the helper and dump the final completion as JSON."""

from openai import OpenAI

client = OpenAI()
tools = [{
    "type": "function",
    "function": {"name": "get_weather", "parameters": {
        "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}},
}]

with client.chat.completions.stream(
    model="gpt-4o-mini", messages=[{"role": "user", "content": "Weather in Paris?"}], tools=tools
) as stream:
    for event in stream:
        if event.type == "tool_calls.function.arguments.done":
            print("call:", event.name, event.arguments)
    final = stream.get_final_completion()

print(final.choices[0].message.to_json())
print(final.choices[0].message.tool_calls[0])
