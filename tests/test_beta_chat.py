"""``client.beta.chat.completions``: the older spelling of structured outputs still works."""

from __future__ import annotations

import pydantic

from gptkit.testing import FakeOpenAI
from tests.helpers import close

MESSAGES = [{"role": "user", "content": "Where is Paris?"}]


class City(pydantic.BaseModel):
    name: str
    country: str


async def test_beta_parse_and_stream_are_the_chat_methods(kind: str) -> None:
    fake = FakeOpenAI()
    fake.respond('{"name": "Paris", "country": "France"}', times=None)
    client = fake.client() if kind == "sync" else fake.async_client()
    assert type(client.beta.chat.completions) is type(client.chat.completions)
    parsed = client.beta.chat.completions.parse(model="gpt-4o", messages=MESSAGES, response_format=City)
    if kind == "async":
        parsed = await parsed
        async with client.beta.chat.completions.stream(model="gpt-4o", messages=MESSAGES,
                                                       response_format=City) as stream:
            final = await stream.get_final_completion()
    else:
        with client.beta.chat.completions.stream(model="gpt-4o", messages=MESSAGES,
                                                 response_format=City) as stream:
            final = stream.get_final_completion()
    await close(client)
    assert parsed.choices[0].message.parsed == City(name="Paris", country="France")
    assert final.choices[0].message.parsed == City(name="Paris", country="France")
    body = fake.requests[0].body
    assert body["response_format"]["type"] == "json_schema"
    assert client.ledger.calls == 2
