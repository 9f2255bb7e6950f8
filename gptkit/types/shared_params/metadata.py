"""``Metadata`` for request parameters: up to 16 string key-value pairs."""

from __future__ import annotations

from gptkit.types.shared.metadata import Metadata

__all__ = ["Metadata"]
