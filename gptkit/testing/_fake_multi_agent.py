"""The fake's multi-agent responses (``client.beta.responses.create(multi_agent={"enabled": True},
betas=["responses_multi_agent=v1"])``).

The beta API delegates to sub-agents when a request enables ``multi_agent``; it needs the
``OpenAI-Beta: responses_multi_agent=v1`` header, and the fake refuses the request without it
(so a test sees whether a client sends it). A multi-agent answer holds the coordinator's
``multi_agent_call`` spawning one agent, that agent's message (its items and stream events name
it: ``agent: {"agent_name": "/root/agent_1"}``), the call's output, then the coordinator's own
message (no ``agent``), as the API orders them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from gptkit.testing._fake_answers import error_body

__all__ = ["AGENT", "BETA", "multi_agent", "multi_agent_items", "refused"]

#: The beta a multi-agent request names in its ``OpenAI-Beta`` header.
BETA = "responses_multi_agent=v1"
#: The name of the one agent the fake's coordinator spawns.
AGENT = "/root/agent_1"


def multi_agent(body: Mapping[str, Any]) -> bool:
    """Whether the request asks for a multi-agent response."""
    config = body.get("multi_agent")
    return isinstance(config, Mapping) and bool(config.get("enabled"))


def refused(headers: Mapping[str, str], body: Mapping[str, Any]) -> tuple[int, Any] | None:
    """The 400 the API answers a multi-agent request without its beta header, else None."""
    if not multi_agent(body):
        return None
    named = [beta.strip() for beta in headers.get("openai-beta", "").split(",")]
    if BETA in named:
        return None
    return 400, error_body(f"multi_agent requires the 'OpenAI-Beta: {BETA}' header.", "invalid_request_error",
                           "beta_required", "multi_agent")


def _id(prefix: str, salt: str, part: str) -> str:
    return f"{prefix}_{hashlib.sha1(f'{salt}:{part}'.encode()).hexdigest()[:24]}"


def multi_agent_items(asked: str, salt: str) -> list[dict[str, Any]]:
    """The items before the coordinator's own answer: the spawn call, the agent's report and
    the call's output (the agent's items name it)."""
    call_id = _id("call", salt, "spawn")
    first = asked.strip().splitlines()[0] if asked.strip() else ""
    report = f"Agent report: {first}" if first else "Agent report."
    agent = {"agent_name": AGENT}
    return [
        {"id": _id("mac", salt, "call"), "type": "multi_agent_call", "action": "spawn_agent",
         "call_id": call_id, "arguments": '{"task":"research"}'},
        {"id": _id("msg", salt, "agent"), "type": "message", "status": "completed", "role": "assistant",
         "content": [{"type": "output_text", "annotations": [], "logprobs": [], "text": report}],
         "agent": agent},
        {"id": _id("maco", salt, "output"), "type": "multi_agent_call_output", "action": "spawn_agent",
         "call_id": call_id, "output": [{"type": "output_text", "annotations": [], "text": AGENT}]},
    ]
