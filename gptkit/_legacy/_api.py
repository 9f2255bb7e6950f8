"""``gptkit.Completion``, ``ChatCompletion``, ``Embedding`` and ``Model``: the pre-1.0 interface.

Each ``create`` translates the old arguments (``engine=``, ``deployment_id=``,
``request_timeout=``, per-call ``api_key=``/``api_base=``/``organization=``) and runs today's call
on the module-level default client; the result is today's typed object, which also answers
dict-style access (``response["choices"][0]["text"]``). ``acreate`` is the async form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from gptkit._exceptions import InvalidParameterError
from gptkit._legacy._default import (
    async_lease,
    hold_async_stream,
    hold_stream,
    sync_lease,
    warn_module_level,
)
from gptkit._legacy._print import as_legacy
from gptkit._legacy._settings import (
    OVERRIDE_NAMES,
    LegacyCall,
    legacy_timeout,
    read_settings,
    translate,
)

if TYPE_CHECKING:
    from gptkit.pagination import AsyncPage
    from gptkit.types.model import Model as ModelObject
    from gptkit.types.model import ModelList

__all__ = ["ChatCompletion", "Completion", "Embedding", "Model"]


def _create_target(client: Any, path: str) -> Any:
    target = client
    for part in path.split("."):
        target = getattr(target, part)
    return target.create


class _EngineResource:
    """What the old ``create``/``acreate`` classes share; subclasses name today's resource."""

    _path = ""
    _endpoint = ""
    _streams = True

    @classmethod
    def _translate(cls, params: Mapping[str, Any]) -> LegacyCall:
        warn_module_level()
        call = translate(params, azure=read_settings().is_azure, endpoint=cls._endpoint)
        if call.stream and not cls._streams:
            raise InvalidParameterError(
                f"Invalid parameter for {cls._endpoint}: 'stream' is not supported by this call",
                param="stream", errors=[("stream", "is not supported by this call")],
            )
        if call.stream:
            call.params["stream"] = True
        return call

    @classmethod
    def create(cls, **params: Any) -> Any:
        """Run the call on the default client; with ``stream=True``, return an iterator of chunks."""
        call = cls._translate(params)
        lease = sync_lease(call.overrides)
        try:
            result = _create_target(lease.client, cls._path)(**call.params)
        except BaseException:
            lease.release()
            raise
        if call.stream:
            return hold_stream(result, lease)
        lease.release()
        return as_legacy(result)

    @classmethod
    async def acreate(cls, **params: Any) -> Any:
        """The async ``create``; with ``stream=True``, the awaited result is an async iterator."""
        call = cls._translate(params)
        lease = async_lease(call.overrides)
        try:
            result = await _create_target(lease.client, cls._path)(**call.params)
        except BaseException:
            await lease.release()
            raise
        if call.stream:
            return hold_async_stream(result, lease)
        await lease.release()
        return as_legacy(result)


class Completion(_EngineResource):
    """Text completions the pre-1.0 way: ``gptkit.Completion.create(engine=..., prompt=...)``.

    Deprecated: use ``gptkit.Client().completions.create(model=..., prompt=...)``.
    """

    _path = "completions"
    _endpoint = "Completion.create"


class ChatCompletion(_EngineResource):
    """Chat completions the pre-1.0 way: ``gptkit.ChatCompletion.create(model=..., messages=...)``.

    Deprecated: use ``gptkit.Client().chat.completions.create(model=..., messages=...)``.
    """

    _path = "chat.completions"
    _endpoint = "ChatCompletion.create"


class Embedding(_EngineResource):
    """Embeddings the pre-1.0 way: ``gptkit.Embedding.create(input=..., engine=...)``.

    Deprecated: use ``gptkit.Client().embeddings.create(model=..., input=...)``.
    """

    _path = "embeddings"
    _endpoint = "Embedding.create"
    _streams = False


def _options(params: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split ``Model.list``/``retrieve`` arguments into request options and setting overrides."""
    warn_module_level()
    options = dict(params)
    overrides = {name: options.pop(name) for name in OVERRIDE_NAMES if options.get(name) is not None}
    for name in OVERRIDE_NAMES:
        options.pop(name, None)
    timeout = options.pop("request_timeout", None)
    if timeout is not None:
        options["timeout"] = legacy_timeout(timeout)
    return options, overrides


def _on_models(params: Mapping[str, Any], op: Callable[[Any, dict[str, Any]], Any]) -> Any:
    """``op(client.models, options)`` on the default client (with this call's overrides)."""
    options, overrides = _options(params)
    lease = sync_lease(overrides)
    try:
        return as_legacy(op(lease.client.models, options))
    finally:
        lease.release()


async def _aon_models(params: Mapping[str, Any], op: Callable[[Any, dict[str, Any]], Any]) -> Any:
    options, overrides = _options(params)
    lease = async_lease(overrides)
    try:
        return as_legacy(await op(lease.client.models, options))
    finally:
        await lease.release()


class Model:
    """Models the pre-1.0 way: ``gptkit.Model.list()`` and ``gptkit.Model.retrieve(id)``.

    Deprecated: use ``gptkit.Client().models.list()`` / ``.retrieve(id)``.
    """

    @classmethod
    def list(cls, **params: Any) -> ModelList:
        """Every model the API offers (``result["data"]`` or iterate over it)."""
        result: ModelList = _on_models(params, lambda models, options: models.list(**options))
        return result

    @classmethod
    def retrieve(cls, id: str, **params: Any) -> ModelObject:
        """One model by its id."""
        result: ModelObject = _on_models(params, lambda models, options: models.retrieve(id, **options))
        return result

    @classmethod
    async def alist(cls, **params: Any) -> AsyncPage[ModelObject]:
        """The async ``list``."""
        page: AsyncPage[ModelObject] = await _aon_models(params, lambda models, opts: models.list(**opts))
        return page

    @classmethod
    async def aretrieve(cls, id: str, **params: Any) -> ModelObject:
        """The async ``retrieve``."""
        model: ModelObject = await _aon_models(params, lambda models, opts: models.retrieve(id, **opts))
        return model
