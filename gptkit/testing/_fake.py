"""``FakeOpenAI``: the fake service as an in-process httpx transport and as a socket server."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from gptkit.testing._fake_core import FakeCore
from gptkit.testing._fake_responses import StoredResponse
from gptkit.testing._fake_transport import handle_async, handle_sync
from gptkit.testing._server import FakeServer

if TYPE_CHECKING:
    import gptkit

__all__ = ["FakeOpenAI", "run_fake_server"]


class FakeOpenAI(FakeCore, httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A fake OpenAI API: deterministic answers, real-looking headers, RPM/TPM, injected faults.

    Pass it as ``transport=`` to ``gptkit.Client`` / ``AsyncClient`` (or any httpx client) to
    run in-process with no sockets, or serve it on 127.0.0.1 with ``serve()``.

    It serves the Files API (``/files``: multipart upload, list, retrieve, content, delete) and
    the Batch API (``/batches``: create, retrieve, list, cancel); a job answers each line with
    this fake's own answering code, so scripted answers and injected faults apply to its lines
    (which carry an ``x-fake-batch-id`` header); inspect ``files`` and ``batches``.

    It serves the Responses API (``/responses``: create, plain or streamed with the API's events;
    retrieve, delete, cancel, ``input_items``, ``input_tokens``): stored responses (inspect
    ``responses``), ``previous_response_id`` chains (the earlier turns are input tokens, cached
    from 1,024 tokens on), reasoning tokens for reasoning models, background jobs, function calls
    (scripted with ``respond(tool_calls=...)`` or forced by ``tool_choice``).

    Chat completions created with ``store=True`` are kept and served as the API serves them
    (``/chat/completions`` GET, ``/chat/completions/{id}`` and its ``/messages``).

    Script it with ``respond(...)``, ``inject(...)``, ``route(...)``; read ``stats`` and
    ``requests``. In-process pauses sleep on gptkit's clock; served, they sleep for real.

    :param rpm: requests per minute to enforce, per model, like the API (over it: 429
        ``rate_limit_exceeded``); None enforces none. Every answer carries
        ``x-ratelimit-limit/remaining/reset-*`` for requests and tokens, as the API's do; a limit
        not given is reported as a generous one (30,000 RPM, 150,000,000 TPM), never enforced.
    :param tpm: tokens per minute to enforce, per model; a request costs its prompt estimate
        plus its maximum output tokens, as the API counts it.
    :param window: seconds over which a burst may be spent (default 60, the API's minute):
        each limit holds ``limit * window / 60`` and refills at ``limit / 60`` a second, as
        ``gptkit.RateLimit(window=...)`` does; ``window=1`` makes a rate-limited run take seconds.
    :param api_key: require this key (otherwise any key, or none, is accepted).
    :param models: what ``/models`` lists.
    :param latency: seconds before each response.
    :param chunk_delay: seconds between stream events.
    :param retry_after_headers: send ``retry-after`` / ``retry-after-ms`` on enforced 429s.
    :param seed: seeds the faults injected with ``rate=``.
    :param clock: a monotonic time source for the limiter and batches (default: gptkit's
        clock, so ``VirtualClock`` drives it).
    :param keep_requests: how many recent requests ``requests`` keeps.
    :param batch_time: seconds a Batch API job takes from ``validating`` to ``completed`` on
        the fake's clock (None: it moves only on ``complete_batches()`` / ``expire_batches()``).
    :param response_time: seconds a background response (``background=True``) takes on the
        fake's clock: ``queued`` for the first quarter, then ``in_progress``, then finished (None:
        it moves only on ``finish_responses()``).
    """

    # -- the Responses API ----------------------------------------------------------------------

    @property
    def responses(self) -> dict[str, StoredResponse]:
        """Stored responses by id (``responses[id].final`` is the finished response object)."""
        return self._responses.stored

    def finish_responses(self) -> list[str]:
        """Finish every background response still running; returns their ids."""
        with self._lock:
            return self._responses.finish_all()

    # -- in-process transports ------------------------------------------------------------------

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return handle_sync(self, request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await handle_async(self, request)

    def transport(self) -> httpx.BaseTransport:
        """This fake as a sync httpx transport."""
        return self

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """This fake as an async httpx transport."""
        return self

    def client(self, **options: Any) -> gptkit.Client:
        """A ``gptkit.Client`` wired to this fake in-process (``**options`` pass through)."""
        import gptkit

        options.setdefault("api_key", self.api_key or "sk-fake-key")
        return gptkit.Client(transport=self, **options)

    def async_client(self, **options: Any) -> gptkit.AsyncClient:
        """A ``gptkit.AsyncClient`` wired to this fake in-process (``**options`` pass through)."""
        import gptkit

        options.setdefault("api_key", self.api_key or "sk-fake-key")
        return gptkit.AsyncClient(transport=self, **options)

    # -- over a socket --------------------------------------------------------------------------

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> FakeServer:
        """Serve this fake over HTTP/1.1 in a background thread; use as a context manager.

        ``host`` is the address to listen on; ``port=0`` picks a free port; the returned
        ``FakeServer`` has ``base_url`` (``http://127.0.0.1:PORT/v1``), ``port`` and ``close()``.
        """
        return FakeServer(self, host, port).start()

    def __repr__(self) -> str:
        limits = f"rpm={self.limits.rpm}, tpm={self.limits.tpm}"
        if self.limits.window != 60.0:
            limits += f", window={self.limits.window:g}"
        return f"<FakeOpenAI {limits} requests={self.stats.requests}>"


def run_fake_server(host: str = "127.0.0.1", port: int = 0, **options: Any) -> FakeServer:
    """Start a ``FakeOpenAI(**options)`` server in a background thread (a context manager)."""
    return FakeOpenAI(**options).serve(host, port)
