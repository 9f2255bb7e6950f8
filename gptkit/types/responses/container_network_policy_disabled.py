"""A code container with no network access."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ContainerNetworkPolicyDisabled"]


class ContainerNetworkPolicyDisabled(APIObject):
    """The container may not reach the network."""

    type: Literal["disabled"] = "disabled"
