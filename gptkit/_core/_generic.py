"""``client.get / post / patch / put / delete``: endpoints gptkit has not typed, in the official
call shape (``client.post("/path", cast_to=Model, body={...}, options={...})``).

Each is an ordinary call of the client (retries, typed errors, events, the ledger); a response
cast to a billed type (``ChatCompletion``...) is priced like a typed call. ``cast_to`` may be a
gptkit or pydantic model, ``dict``/``list`` (or any type pydantic validates), ``str``, ``bytes``,
``httpx.Response``, ``object`` (the decoded JSON) or ``None``.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import httpx
from typing_extensions import TypedDict

from gptkit._core._base import Endpoint
from gptkit._exceptions import APIResponseValidationError, InvalidParameterError

if TYPE_CHECKING:
    from gptkit._core._base import Call

__all__ = ["AsyncGenericRequests", "GenericOptions", "GenericRequests"]

ResponseT = TypeVar("ResponseT")


class GenericOptions(TypedDict, total=False):
    """The ``options=`` of a generic call (the official SDK's request options)."""

    headers: Mapping[str, str]
    params: Mapping[str, Any]
    extra_json: Mapping[str, Any]
    timeout: float | httpx.Timeout | None
    idempotency_key: str
    max_retries: int


def _caster(cast_to: Any) -> Any:
    """The ``parse`` hook turning a response into ``cast_to``."""
    from gptkit._core._protocol import parse_response
    from gptkit.types._base import APIObject

    def parse(response: httpx.Response) -> Any:
        if cast_to is httpx.Response:
            return response
        if cast_to is None or cast_to is type(None):
            return None
        if cast_to is str:
            return response.text
        if cast_to is bytes:
            return response.content
        if isinstance(cast_to, type) and issubclass(cast_to, APIObject):
            return parse_response(response, cast_to)
        import pydantic

        try:
            if cast_to is object:
                return response.json() if response.content else None
            return pydantic.TypeAdapter(cast_to).validate_json(response.content)
        except (ValueError, pydantic.ValidationError) as exc:
            raise APIResponseValidationError(
                f"The server's response is not a valid {getattr(cast_to, '__name__', cast_to)}: {exc}",
                response=response, body=None,
            ) from None

    return parse


def _chunk_type(cast_to: Any, stream_cls: Any) -> Any:
    from gptkit.types._base import APIObject

    for candidate in (*typing.get_args(stream_cls), cast_to):
        if isinstance(candidate, type) and issubclass(candidate, APIObject):
            return candidate
    return APIObject


def _plan(
    client: Any, method: str, path: str, cast_to: Any, body: Any, given: GenericOptions | None, files: Any,
    stream: bool, stream_cls: Any, content: Any,
) -> tuple[Any, Call]:
    """The client to send with (another ``max_retries``) and the prepared call."""
    options: GenericOptions = given or {}
    if content is not None:
        raise InvalidParameterError(
            f"Invalid parameter for client.{method.lower()}: 'content' (a raw body) is not supported; "
            "pass body= (JSON) or files=", param="content", errors=[("content", "is not supported")])
    if not isinstance(path, str) or not path or "://" in path:
        raise InvalidParameterError(
            f"Invalid parameter for client.{method.lower()}: 'path' must be a path relative to the "
            f"base URL, such as '/models', not {path!r}", param="path", errors=[("path", "must be a path")])
    if body is not None and not isinstance(body, Mapping):
        raise InvalidParameterError(
            f"Invalid parameter for client.{method.lower()}: 'body' must be a JSON object (a mapping)",
            param="body", errors=[("body", "must be a mapping")])
    path = path if path.startswith("/") else "/" + path
    if "max_retries" in options:
        client = client.with_options(max_retries=options["max_retries"])
    endpoint = Endpoint(method=method, path=path, response=_chunk_type(cast_to, stream_cls),
                        chunk=_chunk_type(cast_to, stream_cls) if stream else None,
                        parse=None if stream else _caster(cast_to))
    headers = dict(options.get("headers") or {})
    if "idempotency_key" in options:
        headers["idempotency-key"] = options["idempotency_key"]
    params: dict[str, Any] = {"extra_headers": headers or None, "extra_query": options.get("params"),
                              "timeout": options.get("timeout")}
    merged = {**(body or {}), **(options.get("extra_json") or {})}
    if merged:
        params["extra_body"] = merged
    call: Call = client._prepare(endpoint, {k: v for k, v in params.items() if v is not None},
                                 files=files)
    call.stream = stream  # no "stream" field is added: the body says what the caller wants
    return client, call


class GenericRequests:
    """The untyped methods of a ``Client``."""

    def _generic(self, method: str, path: str, cast_to: Any, body: Any, options: Any, files: Any,
                 stream: bool, stream_cls: Any, content: Any) -> Any:
        client, call = _plan(self, method, path, cast_to, body, options, files, stream, stream_cls, content)
        return client._execute(call)

    @overload
    def get(self, path: str, *, cast_to: type[ResponseT], options: GenericOptions = ...,
            stream: Literal[False] = False, stream_cls: Any = None) -> ResponseT: ...
    @overload
    def get(self, path: str, *, cast_to: type[ResponseT], options: GenericOptions = ...,
            stream: Literal[True], stream_cls: Any = None) -> Any: ...
    def get(self, path: str, *, cast_to: Any, options: GenericOptions | None = None, stream: bool = False,
            stream_cls: Any = None) -> Any:
        """``GET path`` (relative to the base URL, e.g. ``/models``), the response cast to ``cast_to``.

        ``options`` are the official request options (``headers``, ``params``, ``extra_json``,
        ``timeout``, ``idempotency_key``, ``max_retries``). ``stream=True`` returns a stream of
        server-sent events, each parsed as the model in ``stream_cls`` (``Stream[Model]``) or
        ``cast_to``.
        """
        return self._generic("GET", path, cast_to, None, options, None, stream, stream_cls, None)

    @overload
    def post(self, path: str, *, cast_to: type[ResponseT], body: Any = None, content: Any = None,
             options: GenericOptions = ..., files: Any = None, stream: Literal[False] = False,
             stream_cls: Any = None) -> ResponseT: ...
    @overload
    def post(self, path: str, *, cast_to: type[ResponseT], body: Any = None, content: Any = None,
             options: GenericOptions = ..., files: Any = None, stream: Literal[True],
             stream_cls: Any = None) -> Any: ...
    def post(self, path: str, *, cast_to: Any, body: Any = None, content: Any = None,
             options: GenericOptions | None = None, files: Any = None, stream: bool = False,
             stream_cls: Any = None) -> Any:
        """``POST path`` with a JSON ``body`` (or multipart ``files``), the response cast to
        ``cast_to``; ``options``, ``stream`` and ``stream_cls`` as for ``get``. ``content`` (a raw
        body) is refused: pass ``body`` or ``files``."""
        return self._generic("POST", path, cast_to, body, options, files, stream, stream_cls, content)

    def patch(self, path: str, *, cast_to: type[ResponseT], body: Any = None, content: Any = None,
              files: Any = None, options: GenericOptions | None = None) -> ResponseT:
        """``PATCH path`` with a JSON ``body`` or multipart ``files``, the response cast to
        ``cast_to``; ``options`` as for ``get``, ``content`` refused as for ``post``."""
        result: ResponseT = self._generic("PATCH", path, cast_to, body, options, files, False, None, content)
        return result

    def put(self, path: str, *, cast_to: type[ResponseT], body: Any = None, content: Any = None,
            files: Any = None, options: GenericOptions | None = None) -> ResponseT:
        """``PUT path`` with a JSON ``body`` or multipart ``files``, the response cast to
        ``cast_to``; ``options`` as for ``get``, ``content`` refused as for ``post``."""
        result: ResponseT = self._generic("PUT", path, cast_to, body, options, files, False, None, content)
        return result

    def delete(self, path: str, *, cast_to: type[ResponseT], body: Any = None, content: Any = None,
               options: GenericOptions | None = None) -> ResponseT:
        """``DELETE path`` with an optional JSON ``body``, the response cast to ``cast_to``;
        ``options`` as for ``get``, ``content`` refused as for ``post``."""
        result: ResponseT = self._generic("DELETE", path, cast_to, body, options, None, False, None, content)
        return result


class AsyncGenericRequests:
    """The untyped methods of an ``AsyncClient`` (the twins of ``GenericRequests``)."""

    async def _generic(self, method: str, path: str, cast_to: Any, body: Any, options: Any, files: Any,
                       stream: bool, stream_cls: Any, content: Any) -> Any:
        client, call = _plan(self, method, path, cast_to, body, options, files, stream, stream_cls, content)
        return await client._execute(call)

    @overload
    async def get(self, path: str, *, cast_to: type[ResponseT], options: GenericOptions = ...,
                  stream: Literal[False] = False, stream_cls: Any = None) -> ResponseT: ...
    @overload
    async def get(self, path: str, *, cast_to: type[ResponseT], options: GenericOptions = ...,
                  stream: Literal[True], stream_cls: Any = None) -> Any: ...
    async def get(self, path: str, *, cast_to: Any, options: GenericOptions | None = None,
                  stream: bool = False, stream_cls: Any = None) -> Any:
        """The awaitable ``Client.get(path, cast_to, options, stream, stream_cls)``."""
        return await self._generic("GET", path, cast_to, None, options, None, stream, stream_cls, None)

    @overload
    async def post(self, path: str, *, cast_to: type[ResponseT], body: Any = None, content: Any = None,
                   files: Any = None, options: GenericOptions = ..., stream: Literal[False] = False,
                   stream_cls: Any = None) -> ResponseT: ...
    @overload
    async def post(self, path: str, *, cast_to: type[ResponseT], body: Any = None, content: Any = None,
                   files: Any = None, options: GenericOptions = ..., stream: Literal[True],
                   stream_cls: Any = None) -> Any: ...
    async def post(self, path: str, *, cast_to: Any, body: Any = None, content: Any = None,
                   files: Any = None, options: GenericOptions | None = None, stream: bool = False,
                   stream_cls: Any = None) -> Any:
        """The awaitable ``Client.post(path, cast_to, body, content, options, files, stream, stream_cls)``."""
        return await self._generic("POST", path, cast_to, body, options, files, stream, stream_cls, content)

    async def patch(self, path: str, *, cast_to: type[ResponseT], body: Any = None, content: Any = None,
                    files: Any = None, options: GenericOptions | None = None) -> ResponseT:
        """The awaitable ``Client.patch(path, cast_to, body, content, files, options)``."""
        result: ResponseT = await self._generic("PATCH", path, cast_to, body, options, files, False, None,
                                                content)
        return result

    async def put(self, path: str, *, cast_to: type[ResponseT], body: Any = None, content: Any = None,
                  files: Any = None, options: GenericOptions | None = None) -> ResponseT:
        """The awaitable ``Client.put(path, cast_to, body, content, files, options)``."""
        result: ResponseT = await self._generic("PUT", path, cast_to, body, options, files, False, None,
                                                content)
        return result

    async def delete(self, path: str, *, cast_to: type[ResponseT], body: Any = None, content: Any = None,
                     options: GenericOptions | None = None) -> ResponseT:
        """The awaitable ``Client.delete(path, cast_to, body, content, options)``."""
        result: ResponseT = await self._generic("DELETE", path, cast_to, body, options, None, False, None,
                                                content)
        return result
