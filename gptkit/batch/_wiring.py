"""What ``run`` wires around a client: one sender per URL, a 429-counting copy, signal handlers."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import signal
import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from gptkit._core._client import AsyncClient
from gptkit._exceptions import RateLimitError
from gptkit._retry import RetryEvent
from gptkit.batch._stats import RunStats

__all__ = ["Sender", "counting_client", "handle_signals", "senders"]

Sender = Callable[..., Awaitable[Any]]


def senders(client: AsyncClient) -> dict[str, Sender]:
    """The ``create`` (raw response) call behind each Batch API URL."""
    chat = client.chat.completions.with_raw_response.create
    completions = client.completions.with_raw_response.create
    embeddings = client.embeddings.with_raw_response.create
    responses = client.responses.with_raw_response.create

    async def embed(**body: Any) -> Any:
        # The Batch API answers with float vectors unless asked otherwise; so do we.
        if "encoding_format" not in body:
            body["encoding_format"] = "float"
        return await embeddings(**body)

    return {"/v1/chat/completions": chat, "/v1/responses": responses, "/v1/completions": completions,
            "/v1/embeddings": embed}


def counting_client(client: AsyncClient, stats: RunStats) -> AsyncClient:
    """A copy of ``client`` (same pool, limiter and budget) whose retry hook counts 429s."""
    policy = client.retry_policy
    user_hook = policy.on_retry

    def on_retry(event: RetryEvent) -> None:
        stats.retries += 1
        if isinstance(event.error, RateLimitError):
            stats.rate_limited += 1
        if user_hook is not None:
            user_hook(event)

    return client.with_options(retry=dataclasses.replace(policy, on_retry=on_retry))


@contextlib.contextmanager
def handle_signals(on_signal: Callable[[int], None], enabled: bool) -> Iterator[None]:
    """Route SIGINT/SIGTERM to ``on_signal`` in the running loop; restore the old handlers after."""
    installed: list[tuple[signal.Signals, Any]] = []
    if enabled and threading.current_thread() is threading.main_thread():
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous = signal.getsignal(sig)
            try:
                loop.add_signal_handler(sig, on_signal, sig)
            except (NotImplementedError, RuntimeError, ValueError):  # pragma: no cover - Windows
                continue
            installed.append((sig, previous))
    try:
        yield
    finally:
        loop = asyncio.get_running_loop()
        for sig, previous in installed:
            loop.remove_signal_handler(sig)
            # None means a handler installed outside Python: the default is the best we can do.
            signal.signal(sig, previous if previous is not None else signal.SIG_DFL)
