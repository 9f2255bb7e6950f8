"""The official package's public surface, walked, and what gptkit deliberately leaves out of it.

``tests/test_openai_surface.py`` checks every name, client attribute and resource method of the
official ``openai`` package against gptkit, with the exceptions below (each with its reason), and
that docs/migration.md's table is ``render_table()``'s output. Drive the tables down: an entry
that is no longer needed fails the test.

    GPTKIT_WRITE_DOCS=1 pytest tests/test_openai_surface.py   # rewrite the table in the guide
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from collections.abc import Callable, Iterator
from typing import Any

__all__ = [
    "ATTRIBUTE_EXCEPTIONS",
    "CLIENT_PARAMETER_EXCEPTIONS",
    "METHOD_EXCEPTIONS",
    "NAME_EXCEPTIONS",
    "PARAMETER_EXCEPTIONS",
    "REQUEST_OPTIONS",
    "exempt",
    "official_methods",
    "parameters_of",
    "render_table",
    "resolve",
]

_REALTIME = "realtime and live sessions over WebSockets: not provided"
_ADMIN = "organization administration (admin API keys): not provided"
_UNSERVED = "not provided yet (use `client.get`/`client.post` for its endpoints)"

#: Names in ``openai.__all__`` that ``gptkit`` does not have.
NAME_EXCEPTIONS: dict[str, str] = {
    "__title__": "package metadata: `gptkit.__version__` is there",
    "NoneType": "typing helper of the generated code, not for programs",
    "Transport": "httpx typing alias: use `httpx.BaseTransport`",
    "ProxiesTypes": "httpx typing alias: configure proxies on your own `http_client`",
    "InvalidWebhookSignatureError": "webhook verification: not provided",
    "DataResidency": "data residency endpoints: pass `base_url=`",
    "BedrockOpenAI": "Amazon Bedrock clients: not provided",
    "AsyncBedrockOpenAI": "Amazon Bedrock clients: not provided",
    "file_from_path": "pass an open file or `(name, bytes)`, as the official package also accepts",
    "BaseModel": "gptkit's models are pydantic models (`gptkit.types` classes); no shared base is public",
    "DefaultAioHttpClient": "aiohttp transport: not provided (gptkit pools connections itself)",
    "ReconnectingEvent": _REALTIME,
    "ReconnectingOverrides": _REALTIME,
    "WebSocketQueueFullError": _REALTIME,
    "WebSocketConnectionClosedError": _REALTIME,
    "ComputerToolset": "computer-use toolkit helpers: not provided",
    "AsyncComputerToolset": "computer-use toolkit helpers: not provided",
    "ComputerDriver": "computer-use toolkit helpers: not provided",
    "AsyncComputerDriver": "computer-use toolkit helpers: not provided",
}

#: Public attributes of ``OpenAI()`` / ``AsyncOpenAI()`` (resources included) gptkit's lack.
ATTRIBUTE_EXCEPTIONS: dict[str, str] = {
    "admin": _ADMIN,
    "admin_api_key": _ADMIN,
    "custom_auth": "pluggable authentication hooks: use `default_headers` or an httpx `auth` on `http_client`",
    "platform_headers": "the `X-Stainless-*` telemetry headers: gptkit sends none",
    "qs": "the generated code's query-string encoder",
    "request": "the generated code's low-level request method: use `client.get`/`client.post`",
    "get_api_list": "the generated code's pagination helper: iterate the page",
    "webhook_secret": "webhook verification: not provided",
    "webhooks": "webhook verification: not provided",
    "websocket_base_url": _REALTIME,
    "realtime": _REALTIME,
    "live": _REALTIME,
    "containers": _UNSERVED,
    "content_provenance_checks": _UNSERVED,
    "decisions": _UNSERVED,
    "evals": _UNSERVED,
    "safety": _UNSERVED,
    "skills": _UNSERVED,
    "videos": _UNSERVED,
}

#: Resource methods (``client.<path>``, a prefix covers what is under it) gptkit does not have.
METHOD_EXCEPTIONS: dict[str, str] = {
    "beta.assistants": "the Assistants API, retired by OpenAI: use `responses`",
    "beta.threads": "the Assistants API, retired by OpenAI: use `responses` and `conversations`",
    "beta.agents": "Agents (beta): not provided",
    "beta.chatkit": "ChatKit sessions: not provided",
    "beta.responses.compact": "not provided yet",
    "beta.responses.connect": _REALTIME,
    "beta.realtime": _REALTIME,
    "audio.voices": _UNSERVED,
    "audio.voice_consents": _UNSERVED,
    "files.wait_for_processing": "deprecated by the official package: files are ready when created",
    "vector_stores.file_batches.upload_and_poll": "use `vector_stores.files.upload_and_poll` per file",
    "responses.compact": "not provided yet",
    "responses.connect": _REALTIME,
}

#: Parameters of official methods (``path:param``) that gptkit's do not take.
PARAMETER_EXCEPTIONS: dict[str, str] = {
    "batches.create:output_expires_after": "not taken yet",
    "files.create:expires_after": "not taken yet",
    "responses.parse:parse_as": "Responses API structured outputs: in progress",
    "responses.parse:stream": "Responses API structured outputs: in progress",
    "responses.parse:verbosity": "Responses API structured outputs: in progress",
    "vector_stores.files.create_and_poll:max_wait_seconds": "not taken yet: bound the wait with `poll_interval_ms`",
    "vector_stores.files.poll:max_wait_seconds": "not taken yet: bound the wait with `poll_interval_ms`",
    "vector_stores.files.upload_and_poll:max_wait_seconds": "not taken yet: bound the wait with `poll_interval_ms`",
}

#: Parameters of ``OpenAI(...)`` and ``client.copy(...)`` that gptkit's do not take (private
#: ``_underscored`` ones are not compared).
CLIENT_PARAMETER_EXCEPTIONS: dict[str, str] = {
    "admin_api_key": _ADMIN,
    "provider": "provider presets: pass `base_url=` (and `AzureClient` for Azure)",
    "data_residency": "data residency endpoints: pass `base_url=`",
    "webhook_secret": "webhook verification: not provided",
    "websocket_base_url": _REALTIME,
}

#: Per-call options every gptkit method takes even when its signature spells them another way.
REQUEST_OPTIONS = frozenset({"extra_headers", "extra_query", "extra_body", "timeout"})


def _is_resource(value: object) -> bool:
    return type(value).__module__.startswith("openai.resources")


def official_methods(client: Any, path: str = "") -> Iterator[tuple[str, Callable[..., Any]]]:
    """``(dotted path, method)`` of every resource method of an official client."""
    for name in sorted(dir(type(client))):
        if name.startswith("_") or name in ("with_raw_response", "with_streaming_response"):
            continue
        static = inspect.getattr_static(type(client), name)
        dotted = f"{path}.{name}" if path else name
        if isinstance(static, property) or type(static).__name__ == "cached_property":
            if path == "" and name in ATTRIBUTE_EXCEPTIONS:
                continue
            value = getattr(client, name)
            if _is_resource(value):
                yield from official_methods(value, dotted)
        elif path and callable(static):
            yield dotted, getattr(client, name)


def resolve(client: Any, dotted: str) -> Any:
    """``client.<dotted>``, raising AttributeError for the first missing part."""
    value = client
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


def parameters_of(method: Callable[..., Any]) -> set[str]:
    """The keyword names a method takes, ``**params: Unpack[SomeTypedDict]`` expanded."""
    names: set[str] = set()
    for param in inspect.signature(method).parameters.values():
        if param.kind == param.VAR_KEYWORD:
            annotation = param.annotation
            if isinstance(annotation, str) and annotation.startswith("Unpack["):
                names |= _typed_dict_keys(method, annotation.removeprefix("Unpack[").removesuffix("]"))
        elif param.kind != param.VAR_POSITIONAL and param.name != "self":
            names.add(param.name)
    return names


def _typed_dict_keys(method: Callable[..., Any], name: str) -> set[str]:
    function = getattr(method, "__func__", method)
    # getattr, not the globals: a module may define its kwargs TypedDict lazily (module __getattr__).
    typed = getattr(sys.modules[function.__module__], name, None)
    if typed is None:  # imported for type checkers only: follow the module's own import of it
        tree = ast.parse(inspect.getsource(sys.modules[function.__module__]))
        source = next(node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                      and node.module and any(alias.name == name for alias in node.names))
        typed = getattr(importlib.import_module(source), name)
    return set(typed.__required_keys__ | typed.__optional_keys__)


def exempt(table: dict[str, str], dotted: str) -> str | None:
    """The key of ``table`` that covers ``dotted`` (itself or a prefix), or None."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        key = ".".join(parts[:end])
        if key in table:
            return key
    return None


def render_table() -> str:
    """The migration guide's table of what gptkit leaves out, with the reasons."""
    rows = ["| official `openai` | in gptkit |", "|---|---|"]
    rows += [f"| `openai.{name}` | {why} |" for name, why in sorted(NAME_EXCEPTIONS.items())]
    rows += [f"| `client.{name}` | {why} |" for name, why in sorted(ATTRIBUTE_EXCEPTIONS.items())]
    rows += [f"| `OpenAI({name}=)`, `client.copy({name}=)` | {why} |"
             for name, why in sorted(CLIENT_PARAMETER_EXCEPTIONS.items())]
    rows += [f"| `client.{name}` | {why} |" for name, why in sorted(METHOD_EXCEPTIONS.items())]
    rows += [f"| `client.{path}(..., {param}=)` | {why} |"
             for path, _, param in (key.partition(":") for key in sorted(PARAMETER_EXCEPTIONS))
             for why in [PARAMETER_EXCEPTIONS[f"{path}:{param}"]]]
    return "\n".join(rows) + "\n"
