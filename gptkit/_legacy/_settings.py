"""Module-level settings (``gptkit.api_key = ...``) and the old call arguments, sans-IO.

The settings are plain attributes of the ``gptkit`` module, so a script's assignment is all it
takes; they are read here, at call time, into an immutable ``Settings`` snapshot. The default
client is rebuilt when the snapshot differs from the one it was built from.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final

import httpx

from gptkit._core._config import NoAPIKey
from gptkit._exceptions import InvalidParameterError

__all__ = [
    "AZURE_TYPES",
    "OVERRIDE_NAMES",
    "SETTING_NAMES",
    "LegacyCall",
    "Settings",
    "legacy_timeout",
    "read_settings",
    "translate",
]

#: The module attributes read as settings (all default to None in ``gptkit/__init__.py``).
SETTING_NAMES: Final = (
    "api_key", "base_url", "api_base", "organization", "project", "api_type", "api_version",
    "timeout", "max_retries", "default_headers", "default_query", "http_client", "transport",
)
#: Per-call arguments of the old package that override a setting for one call.
OVERRIDE_NAMES: Final = ("api_key", "api_base", "organization", "api_type", "api_version")
AZURE_TYPES: Final = frozenset({"azure", "azure_ad", "azuread"})
_OPENAI_TYPES: Final = frozenset({"open_ai", "openai"})


@dataclass(frozen=True, eq=True)
class Settings:
    """One snapshot of the module-level settings; equal snapshots share a client."""

    api_key: str | NoAPIKey | None = field(default=None, repr=False)
    base_url: str | None = None
    organization: str | None = None
    project: str | None = None
    api_type: str | None = None
    api_version: str | None = None
    timeout: Any = None
    max_retries: int | None = None
    default_headers: tuple[tuple[str, str], ...] = ()
    default_query: tuple[tuple[str, Any], ...] = ()
    http_client: Any = None
    transport: Any = None

    @property
    def is_azure(self) -> bool:
        return self.api_type is not None and self.api_type.lower() in AZURE_TYPES

    def with_overrides(self, overrides: Mapping[str, Any]) -> Settings:
        """These settings with one call's ``api_key=``/``api_base=``/... applied."""
        if not overrides:
            return self
        changes = dict(overrides)
        if "api_base" in changes:
            changes["base_url"] = changes.pop("api_base")
        _check_api_type(changes.get("api_type"))
        return replace(self, **changes)


def _check_api_type(api_type: object) -> None:
    if api_type is None:
        return
    if not isinstance(api_type, str) or api_type.lower() not in AZURE_TYPES | _OPENAI_TYPES:
        raise ValueError(
            f"gptkit.api_type must be 'open_ai' or 'azure' (or 'azure_ad'), not {api_type!r}"
        )


def _frozen(value: object, name: str) -> tuple[tuple[str, Any], ...]:
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        raise TypeError(f"gptkit.{name} must be a mapping, not {type(value).__name__}")
    # Values are kept as given; a list value in default_query would be unhashable but is still
    # compared by equality, which is all the snapshot needs.
    return tuple(sorted((str(k), v) for k, v in value.items()))


def read_settings() -> Settings:
    """Snapshot the settings the user assigned on the ``gptkit`` module (cheap: a few getattrs)."""
    module = sys.modules["gptkit"]
    values = {name: getattr(module, name, None) for name in SETTING_NAMES}
    base_url, api_base = values.pop("base_url"), values.pop("api_base")
    if base_url is not None and api_base is not None and str(base_url) != str(api_base):
        raise ValueError(
            "gptkit.base_url and gptkit.api_base are both set and differ; set only one "
            "(api_base is the older name of base_url)"
        )
    _check_api_type(values["api_type"])
    return Settings(
        api_key=values["api_key"],
        base_url=str(base_url if base_url is not None else api_base) if (base_url or api_base) else None,
        organization=values["organization"],
        project=values["project"],
        api_type=values["api_type"],
        api_version=values["api_version"],
        timeout=values["timeout"],
        max_retries=values["max_retries"],
        default_headers=_frozen(values["default_headers"], "default_headers"),
        default_query=_frozen(values["default_query"], "default_query"),
        http_client=values["http_client"],
        transport=values["transport"],
    )


@dataclass
class LegacyCall:
    """An old-style call translated: today's parameters, the stream flag and setting overrides."""

    params: dict[str, Any]
    stream: bool
    overrides: dict[str, Any]


def legacy_timeout(value: object) -> object:
    # The old package took seconds or a (connect, read) pair, as ``requests`` did.
    if isinstance(value, tuple) and len(value) == 2:
        connect, read = value
        return httpx.Timeout(read, connect=connect)
    return value


def translate(params: Mapping[str, Any], *, azure: bool, endpoint: str) -> LegacyCall:
    """Map an old ``create(...)``'s arguments onto today's: ``engine``/``deployment_id`` become
    ``model``, ``request_timeout`` becomes ``timeout``, ``headers`` become ``extra_headers``, and
    ``api_key``/``api_base``/... become overrides of the settings for this one call.
    """
    given = dict(params)
    overrides = {name: given.pop(name) for name in OVERRIDE_NAMES if given.get(name) is not None}
    for name in OVERRIDE_NAMES:
        given.pop(name, None)
    deployment = given.pop("deployment_id", None) or given.pop("engine", None)
    given.pop("engine", None)
    model = given.pop("model", None)
    # Azure routes by deployment; OpenAI by model. Old scripts sometimes pass both.
    chosen = (deployment or model) if azure or overrides.get("api_type") in AZURE_TYPES else (
        model or deployment
    )
    if chosen is None:
        raise InvalidParameterError(
            f"Invalid parameter for {endpoint}: 'model' is required "
            "(the old 'engine=' and 'deployment_id=' are accepted too)",
            param="model", errors=[("model", "is required")],
        )
    given["model"] = chosen
    for old in ("request_timeout", "timeout"):
        value = given.pop(old, None)
        if value is not None:
            given["timeout"] = legacy_timeout(value)
    headers: dict[str, str] = dict(given.pop("extra_headers", None) or {})
    headers.update(given.pop("headers", None) or {})
    request_id = given.pop("request_id", None)
    if request_id is not None:
        headers["x-request-id"] = str(request_id)
    if headers:
        given["extra_headers"] = headers
    stream = bool(given.pop("stream", False))
    return LegacyCall(params=given, stream=stream, overrides=overrides)
