"""A program written for the official ``openai`` package runs with only the import changed."""

from __future__ import annotations

import textwrap

import httpx
import pytest

from .helpers import chat_body

PROGRAM = textwrap.dedent(
    """
    import gptkit as openai  # was: import openai

    client = openai.OpenAI(api_key="sk-program-key", http_client=http_client, max_retries=0)

    def ask(question):
        try:
            completion = client.chat.completions.create(
                model="gpt-4o",
                messages=[
                    {"role": "system", "content": "You are terse."},
                    {"role": "user", "content": question},
                ],
                temperature=0.7,
                max_tokens=50,
            )
        except openai.RateLimitError as e:
            return f"rate limited: {e.status_code}"
        except openai.APIStatusError as e:
            return f"status {e.status_code}: {e.message}"
        except openai.APIConnectionError:
            return "network down"
        return completion.choices[0].message.content

    answers = [ask("first"), ask("second"), ask("third"), ask("fourth")]
    usage = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "x"}]
    ).usage.total_tokens
    """
)


def test_openai_program_runs_with_changed_import() -> None:
    script = [
        httpx.Response(200, json=chat_body("one")),
        httpx.Response(429, json={"error": {"message": "slow down", "code": "rate_limit_exceeded"}}),
        httpx.Response(404, json={"error": {"message": "no such model", "code": "model_not_found"}}),
        httpx.ConnectError("refused"),
        httpx.Response(200, json=chat_body("one", prompt=5, completion=2)),
    ]

    def handler(request: httpx.Request) -> httpx.Response:
        step = script.pop(0)
        if isinstance(step, Exception):
            raise step
        return step

    namespace: dict[str, object] = {"http_client": httpx.Client(transport=httpx.MockTransport(handler))}
    exec(compile(PROGRAM, "<openai program>", "exec"), namespace)
    assert namespace["answers"] == [
        "one",
        "rate limited: 429",
        "status 404: Error code: 404 - no such model",
        "network down",
    ]
    assert namespace["usage"] == 7


@pytest.mark.parametrize(
    "name",
    ["OpenAI", "AsyncOpenAI", "APIError", "APIStatusError", "APIConnectionError", "APITimeoutError",
     "RateLimitError", "BadRequestError", "AuthenticationError", "NotFoundError", "NOT_GIVEN"],
)
def test_official_names_exist(name: str) -> None:
    import gptkit

    assert hasattr(gptkit, name)
