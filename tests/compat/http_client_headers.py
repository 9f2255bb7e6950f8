"""Tag every request with a team header and a query parameter set once on the HTTP client."""

import httpx
from openai import OpenAI


def show(request: httpx.Request) -> None:
    print(request.method, request.url.path, request.headers.get("x-team"), request.url.params.get("tenant"))


http = httpx.Client(headers={"X-Team": "search"}, params={"tenant": "acme"}, event_hooks={"request": [show]})
client = OpenAI(http_client=http)

print(client.models.retrieve("gpt-4o").id)
completion = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
print(completion.choices[0].message.content)
