"""A code container that may reach only some domains."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.container_network_policy_domain_secret import ContainerNetworkPolicyDomainSecret

__all__ = ["ContainerNetworkPolicyAllowlist"]


class ContainerNetworkPolicyAllowlist(APIObject):
    """The container may reach ``allowed_domains`` (with secrets for some of them)."""

    allowed_domains: list[str] = []
    type: Literal["allowlist"] = "allowlist"
    domain_secrets: list[ContainerNetworkPolicyDomainSecret] | None = None
