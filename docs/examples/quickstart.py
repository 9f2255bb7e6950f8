"""A first gptkit program that runs offline: a scripted server stands in for the API.

Swap ``transport=...`` for nothing and set OPENAI_API_KEY to talk to the real API.
"""

from __future__ import annotations

import json

import httpx

import gptkit


def scripted_server(request: httpx.Request) -> httpx.Response:
    """Answers every chat completion with an echo of the last message."""
    body = json.loads(request.content)
    question = body["messages"][-1]["content"]
    answer = f"You asked: {question}"
    return httpx.Response(
        200,
        headers={"x-request-id": "req_demo_1"},
        json={
            "id": "chatcmpl-demo",
            "object": "chat.completion",
            "created": 1_700_000_000,
            "model": body["model"],
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": answer},
                 "finish_reason": "stop"}
            ],
            "usage": {"prompt_tokens": 12, "completion_tokens": 8, "total_tokens": 20},
        },
    )


def main() -> None:
    with gptkit.Client(api_key="demo-key", transport=httpx.MockTransport(scripted_server)) as client:
        response = client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "What is gptkit?"}]
        )
        print(response.choices[0].message.content)
        print(f"tokens: {response.usage.total_tokens if response.usage else '?'}, "
              f"request id: {response.request_id}")
        try:
            client.chat.completions.create(model="gpt-4o", messages=[], temperature=3)
        except gptkit.InvalidParameterError as exc:
            print(f"caught before sending: {exc.param}")


if __name__ == "__main__":
    main()
