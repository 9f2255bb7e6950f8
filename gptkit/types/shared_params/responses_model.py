"""``ResponsesModel`` for request parameters (as ``gptkit.types.shared.ResponsesModel``)."""

from __future__ import annotations

from gptkit.types.shared.responses_model import ResponsesModel

__all__ = ["ResponsesModel"]
