"""Lazy packages: a package's public names load with their submodule, on first use.

``import gptkit`` must not build the type tree (``tests/test_import_budget.py``), and the first
chat call should build only the chat models it needs, so ``gptkit.types``, ``gptkit.types.chat``,
``gptkit.types.shared`` and ``gptkit.types.shared_params`` answer ``from package import Name`` by
importing the one submodule that defines ``Name``. Type checkers read each package's
``TYPE_CHECKING`` imports instead; ``tests/test_types_layout.py`` checks the two agree.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["indexed_package", "lazy_package"]


def lazy_package(
    package: str, exports: Mapping[str, Sequence[str]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``, whose ``exports`` map submodule -> names.

    A submodule is named relative to ``package`` (``"chat_completion"``), or as a relative import
    path for a module elsewhere (``"..completion_usage"``: a sibling of the package). A
    submodule of the package is reachable as an attribute even when it gives no names
    (``types.chat_model``), as it would be had the package imported it eagerly.
    """
    where = {name: module for module, names in exports.items() for name in names}
    modules = frozenset(module for module in exports if not module.startswith("."))

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is not None:
            path = module if module.startswith(".") else f".{module}"
            value = getattr(importlib.import_module(path, package), name)
            setattr(sys.modules[package], name, value)  # later lookups skip this function
            return value
        if name in modules:
            return importlib.import_module(f".{name}", package)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(where) | modules)

    return __getattr__, __dir__


def indexed_package(
    package: str, missing: Callable[[str], str] | None = None
) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package``, whose name -> submodule map is
    ``MODULES`` in its ``_index`` module (too many names for the ``__init__``; read on first use).

    ``missing(name)`` words the error for a name the package does not have (default: Python's).
    """

    def modules() -> Mapping[str, str]:
        found: Mapping[str, str] = importlib.import_module(f"{package}._index").MODULES
        return found

    def __getattr__(name: str) -> Any:
        module = modules().get(name)
        if module is None:
            problem = missing(name) if missing is not None and not name.startswith("__") else None
            raise AttributeError(problem or f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)  # later lookups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(modules()))

    return __getattr__, __dir__, sorted(modules())
