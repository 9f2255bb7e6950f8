"""What the resource modules share: ids in paths, list queries and pages, multipart file parts.

All of it runs before any I/O (bad input raises ``InvalidParameterError`` naming the parameter)
except ``list_pages``, which hands each page's call to the client.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from typing import IO, TYPE_CHECKING, Any, TypeAlias, Union
from urllib.parse import quote

from gptkit._core._base import APIResponse, Endpoint
from gptkit._core._params import clean_params
from gptkit._exceptions import InvalidParameterError

if TYPE_CHECKING:
    from gptkit.resources._resource import _Resource

__all__ = [
    "FileTypes",
    "body_params",
    "file_parts",
    "invalid",
    "lazy_kwargs",
    "list_pages",
    "list_query",
    "path_with",
    "with_query",
]

#: A file to upload: bytes, a path (``pathlib.Path``), an open binary file, or a
#: ``(filename, content)`` / ``(filename, content, content_type)`` tuple of those.
FileTypes: TypeAlias = Union[
    bytes, "os.PathLike[str]", IO[bytes], tuple[str | None, Any], tuple[str | None, Any, str | None]
]


def lazy_kwargs(module: str, kinds: Mapping[str, tuple[str, tuple[str, ...]]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` defining keyword-argument TypedDicts when first named.

    ``kinds`` maps a class name to its docstring and bases (``"module:Name"``). The parameter
    types these extend import some twenty modules, which a call checked by the quick check never
    needs (tests/test_cold_start.py); type checkers read the classes under ``TYPE_CHECKING``.
    """
    import importlib

    def load(path: str) -> Any:
        where, _, name = path.partition(":")
        return getattr(importlib.import_module(where), name)

    def getattr_(name: str) -> Any:
        if name not in kinds:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        doc, bases = kinds[name]
        first, *rest = (load(base) for base in bases)
        cls = type(first)(name, (first, *rest), {"__module__": module, "__doc__": doc}, total=False)
        vars(importlib.import_module(module))[name] = cls
        return cls

    return getattr_


def invalid(call: str, param: str, problem: str) -> InvalidParameterError:
    """The typed error for a bad parameter of ``call``, raised before anything is sent."""
    return InvalidParameterError(
        f"Invalid parameter for {call}: '{param}' {problem}", param=param, errors=[(param, problem)]
    )


def path_with(template: str, call: str, **ids: object) -> str:
    """``template`` with each ``{name}`` filled by a checked, URL-quoted id."""
    path = template
    for name, value in ids.items():
        if not isinstance(value, str) or not value:
            raise invalid(call, name, f"must be a non-empty string, not {value!r}")
        path = path.replace("{" + name + "}", quote(value, safe=""))
    return path


def body_params(params: Mapping[str, Any], options: Mapping[str, Any]) -> dict[str, Any]:
    """A call's body parameters (``NOT_GIVEN``/None dropped) next to its request options."""
    return {**clean_params(params), **options}


def list_query(
    call: str, *, limit: object = None, order: object = None, most: int = 100, **values: Any
) -> dict[str, Any]:
    """The query of a list call: ``limit`` in 1..``most``, ``order`` asc/desc, None left out."""
    if limit is not None and (type(limit) is not int or not 1 <= limit <= most):
        raise invalid(call, "limit", f"must be an integer from 1 to {most}, not {limit!r}")
    if order is not None and order not in ("asc", "desc"):
        raise invalid(call, "order", f"must be 'asc' or 'desc', not {order!r}")
    query: dict[str, Any] = {}
    for name, value in {**values, "limit": limit, "order": order}.items():
        if value is None:
            continue
        if isinstance(value, Mapping):  # metadata[key]=value, as the official SDK sends objects
            query.update({f"{name}[{key}]": item for key, item in value.items()})
        else:
            query[name] = value
    return query


def with_query(options: Mapping[str, Any], query: Mapping[str, Any]) -> dict[str, Any]:
    """Request options with ``query`` merged under the caller's own ``extra_query``."""
    merged = dict(options)
    if query:
        merged["extra_query"] = {**query, **(options.get("extra_query") or {})}
    return merged


def _page_of(result: Any) -> Any:
    return result.parse() if isinstance(result, APIResponse) else result


def list_pages(
    resource: _Resource, endpoints: tuple[Endpoint, Endpoint], query: Mapping[str, Any],
    options: Mapping[str, Any], path: str | None = None, body: Mapping[str, Any] | None = None,
) -> Any:
    """The first page of a list call (``endpoints``: its sync and async page types; ``body``: the
    parameters of a POST that answers a page); the page fetches the following ones the same way.
    On an ``AsyncClient``: an ``AsyncPaginator`` (a coroutine of the raw response when raw)."""
    client = resource._client
    is_async = resource._is_async
    endpoint = endpoints[is_async]

    def fetch(more: Mapping[str, Any], raw: bool = False) -> Any:
        params = with_query({**(body or {}), **options}, {**query, **more})
        result = client._execute(client._prepare(endpoint, params, raw=raw, path=path))
        return _paged(result, fetch) if not is_async else _paged_when_awaited(result, fetch)

    if not is_async or resource._raw:
        return fetch({}, resource._raw)
    from gptkit.pagination import AsyncPaginator

    first: Callable[[], Awaitable[Any]] = lambda: fetch({})  # noqa: E731
    return AsyncPaginator(first)


def _paged(result: Any, fetch: Callable[..., Any]) -> Any:
    """``result``, its page told how to fetch the next one."""
    _page_of(result)._fetch = fetch
    return result


async def _paged_when_awaited(result: Awaitable[Any], fetch: Callable[..., Any]) -> Any:
    return _paged(await result, fetch)


def _one_part(value: object, call: str, param: str, stack: ExitStack) -> tuple[str, Any, str]:
    """``(filename, content, content type)`` of one upload; opens (and later closes) paths."""
    name: str | None = None
    content_type: str | None = None
    if isinstance(value, tuple):
        if len(value) not in (2, 3) or not (value[0] is None or isinstance(value[0], str)):
            raise invalid(call, param, "must be (filename, content[, content_type])")
        if len(value) == 3 and value[2] is not None:
            content_type = str(value[2])
        name, value = value[0], value[1]
    if isinstance(value, str):
        raise invalid(call, param, "is a str; pass bytes, an open binary file or a pathlib.Path")
    if isinstance(value, os.PathLike):
        path = os.fspath(value)
        if not os.path.isfile(path):
            raise invalid(call, param, f"names no readable file: {path!r}")
        handle = stack.enter_context(open(path, "rb"))  # noqa: SIM115 - closed by the stack
        return (name or os.path.basename(path), handle, content_type or _guess(path))
    if isinstance(value, (bytes, bytearray, memoryview)):
        return (name or "upload", bytes(value), content_type or "application/octet-stream")
    if hasattr(value, "read"):
        filename = name or os.path.basename(str(getattr(value, "name", "upload")))
        return (filename, value, content_type or _guess(filename))
    raise invalid(call, param, f"must be bytes, a path or a binary file, not {type(value).__name__}")


def _guess(filename: str) -> str:
    import mimetypes

    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


@contextmanager
def file_parts(call: str, **files: object) -> Iterator[list[tuple[str, tuple[str, Any, str]]]]:
    """The multipart file parts of ``files`` (a list value is sent as repeated ``name[]`` parts,
    as the official SDK sends several images); paths are opened here and closed on exit."""
    with ExitStack() as stack:
        parts: list[tuple[str, tuple[str, Any, str]]] = []
        for param, value in files.items():
            if value is None:
                continue
            if isinstance(value, list):
                if not value:
                    raise invalid(call, param, "is an empty list")
                parts += [(f"{param}[]", _one_part(item, call, param, stack)) for item in value]
            else:
                parts.append((param, _one_part(value, call, param, stack)))
        yield parts
