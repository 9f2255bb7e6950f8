"""Multi-agent responses through the beta Responses API: create, stream, retrieve and list them."""

import asyncio

from openai import AsyncOpenAI, OpenAI
from openai.types.beta import BetaResponse, BetaResponseOutputItem

client = OpenAI()


def describe(item: BetaResponseOutputItem) -> str:
    owner = item.agent.agent_name if item.agent else "/root"
    return f"{type(item).__name__} {item.type} by {owner}"


response = client.beta.responses.create(
    model="gpt-4o",
    input="Compare the two launch plans.",
    multi_agent={"enabled": True},
    betas=["responses_multi_agent=v1"],
)
print(isinstance(response, BetaResponse), response.status, response.usage.total_tokens)
print(response.usage)
print(response.text)
for item in response.output:
    print(describe(item))
    if item.type == "multi_agent_call":
        print(" ", item.action, item.arguments)
    if item.type == "message":
        print(" ", item)

stream = client.beta.responses.create(
    model="gpt-4o",
    input="Plan a picnic.",
    multi_agent={"enabled": True, "max_concurrent_subagents": 2},
    stream=True,
    betas=["responses_multi_agent=v1"],
)
for event in stream:
    agent = event.agent.agent_name if event.agent else "-"
    print(event.sequence_number, type(event).__name__, event.type, agent)
    if event.type == "response.output_text.delta":
        print("  delta", repr(event.delta))

background = client.beta.responses.create(
    model="gpt-4o", input="Summarise the findings.", background=True,
    multi_agent={"enabled": True}, betas=["responses_multi_agent=v1"],
)
print(background.status, type(background).__name__)
again = client.beta.responses.retrieve(background.id, betas=["responses_multi_agent=v1"])
print(again.id == background.id, type(again).__name__)
for item in client.beta.responses.input_items.list(background.id):
    print(type(item).__name__, item.type, item.role, item.agent)
count = client.beta.responses.input_tokens.count(model="gpt-4o", input="Summarise the findings.")
print(count.object, count.input_tokens)
raw = client.beta.responses.with_raw_response.cancel(background.id)
print(raw.http_request.url.params["beta"], raw.parse().status)
print(client.beta.responses.delete(background.id))

try:
    client.beta.responses.create(model="gpt-4o", input="Delegate this.", multi_agent={"enabled": True})
except Exception as error:
    print(type(error).__name__, error.status_code)


async def main() -> None:
    aclient = AsyncOpenAI()
    stream = await aclient.beta.responses.create(
        model="gpt-4o", input="Draft a reply.", multi_agent={"enabled": True}, stream=True,
        betas=["responses_multi_agent=v1"],
    )
    async for event in stream:
        if event.type == "response.output_item.done":
            print("done", describe(event.item))
    await aclient.close()


asyncio.run(main())
