"""A secret a code container sends to one domain."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ContainerNetworkPolicyDomainSecret"]


class ContainerNetworkPolicyDomainSecret(APIObject):
    """The secret ``name`` = ``value``, given to requests to ``domain``."""

    domain: str = ""
    name: str = ""
    value: str = ""
