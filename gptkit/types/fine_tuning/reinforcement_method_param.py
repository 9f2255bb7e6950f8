"""The reinforcement method as a parameter (at the official path)."""

from __future__ import annotations

from gptkit.types.fine_tuning.job_create_params import ReinforcementMethodParam

__all__ = ["ReinforcementMethodParam"]
