"""``FunctionParameters`` for request parameters: a JSON Schema object."""

from __future__ import annotations

from gptkit.types.shared.function_parameters import FunctionParameters

__all__ = ["FunctionParameters"]
