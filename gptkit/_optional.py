"""Optional dependencies: imported on first use, with a message that names the extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import ``module`` or raise ``ImportError`` saying ``pip install 'gptkit[<extra>]'``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(
            f"{feature} needs the optional dependency {module.split('.')[0]!r}: "
            f"pip install 'gptkit[{extra}]'"
        ) from None
