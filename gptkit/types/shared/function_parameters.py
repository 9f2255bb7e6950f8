"""``FunctionParameters``: a function's parameters as a JSON Schema object."""

from __future__ import annotations

from typing import Any, TypeAlias

__all__ = ["FunctionParameters"]

FunctionParameters: TypeAlias = dict[str, Any]
