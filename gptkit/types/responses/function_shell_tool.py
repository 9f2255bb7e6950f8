"""``FunctionShellTool``: the shell tool (``type: "shell"``), as a response lists its tools."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import APIObject, type_tag
from gptkit.types.responses.container_auto import ContainerAuto
from gptkit.types.responses.container_reference import ContainerReference
from gptkit.types.responses.local_environment import LocalEnvironment

__all__ = ["Environment", "FunctionShellTool"]

#: Where the commands run; an environment ``type`` gptkit does not know reads as ``LocalEnvironment``
#: (every field kept) rather than failing the response.
Environment: TypeAlias = Annotated[
    Annotated[ContainerAuto, Tag("container_auto")]
    | Annotated[LocalEnvironment, Tag("local")]
    | Annotated[ContainerReference, Tag("container_reference")],
    Discriminator(type_tag(frozenset({"container_auto", "local", "container_reference"}), "local")),
]


class FunctionShellTool(APIObject):
    """Let the model run shell commands (answer its ``shell_call`` items)."""

    type: Literal["shell"] = "shell"
    allowed_callers: list[str] | None = None
    environment: Environment | None = None
