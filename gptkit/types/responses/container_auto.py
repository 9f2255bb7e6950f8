"""``ContainerAuto``: the shell tool runs commands in a container made for the request."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import APIObject, type_tag
from gptkit.types.responses.container_network_policy_allowlist import ContainerNetworkPolicyAllowlist
from gptkit.types.responses.container_network_policy_disabled import ContainerNetworkPolicyDisabled
from gptkit.types.responses.inline_skill import InlineSkill
from gptkit.types.responses.skill_reference import SkillReference

__all__ = ["ContainerAuto", "NetworkPolicy", "Skill"]

#: The container's network access, by ``type`` (``disabled`` or an ``allowlist``).
NetworkPolicy: TypeAlias = Annotated[
    Annotated[ContainerNetworkPolicyDisabled, Tag("disabled")]
    | Annotated[ContainerNetworkPolicyAllowlist, Tag("allowlist")],
    Discriminator(type_tag(frozenset({"disabled", "allowlist"}), "allowlist")),
]

#: A skill the container gets: uploaded earlier (by id) or sent inline.
Skill: TypeAlias = Annotated[
    Annotated[SkillReference, Tag("skill_reference")] | Annotated[InlineSkill, Tag("inline")],
    Discriminator(type_tag(frozenset({"skill_reference", "inline"}), "skill_reference")),
]


class ContainerAuto(APIObject):
    """A fresh container with the given files, memory, network access and skills."""

    type: Literal["container_auto"] = "container_auto"
    file_ids: list[str] | None = None
    memory_limit: str | None = None
    network_policy: NetworkPolicy | None = None
    skills: list[Skill] | None = None
