"""``LazyResource``: a client attribute that imports and builds its resource on first use.

``import gptkit`` imports no resource module; each is imported when a program first touches
``client.images``, ``client.audio``... and built once per client (a ``with_options`` copy
builds its own, bound to the copy).
"""

from __future__ import annotations

import importlib
from typing import Generic, TypeVar, overload

__all__ = ["AsyncMounts", "LazyResource", "lazy_names"]

R = TypeVar("R")
AR = TypeVar("AR")


class AsyncMounts:
    """Marks an async client: its lazy resources are the ``Async``-prefixed classes."""


class LazyResource(Generic[R, AR]):
    """``images: LazyResource[Images, AsyncImages] = LazyResource("gptkit.resources.images:Images")``:
    on an async client (``AsyncMounts``), the ``Async`` twin of the class named."""

    def __init__(self, target: str) -> None:
        self._target = target
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type) -> LazyResource[R, AR]: ...
    @overload
    def __get__(self, instance: AsyncMounts, owner: type) -> AR: ...
    @overload
    def __get__(self, instance: object, owner: type) -> R: ...
    def __get__(self, instance: object | None, owner: type) -> LazyResource[R, AR] | R | AR:
        if instance is None:
            return self
        module, _, name = self._target.partition(":")
        if isinstance(instance, AsyncMounts):
            name = "Async" + name
        value: R | AR = getattr(importlib.import_module(module), name)(instance)
        instance.__dict__[self._name] = value  # later reads find it first (no __set__ here)
        return value

    @property
    def name(self) -> str:
        return self._name


def lazy_names(cls: type) -> frozenset[str]:
    """The names of ``cls``'s lazy resources (dropped by ``with_options`` copies)."""
    return frozenset(name for klass in cls.__mro__ for name, value in vars(klass).items()
                     if isinstance(value, LazyResource))
