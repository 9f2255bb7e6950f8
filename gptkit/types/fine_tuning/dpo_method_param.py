"""The dpo method as a parameter (at the official path)."""

from __future__ import annotations

from gptkit.types.fine_tuning.job_create_params import DpoMethodParam

__all__ = ["DpoMethodParam"]
