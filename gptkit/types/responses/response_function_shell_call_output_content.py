"""``ResponseFunctionShellCallOutputContent``: one command's output in a ``shell_call_output``."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from gptkit.types._base import APIObject

__all__ = ["Outcome", "OutcomeExit", "OutcomeTimeout", "ResponseFunctionShellCallOutputContent"]


class OutcomeTimeout(APIObject):
    """The command timed out."""

    type: Literal["timeout"]


class OutcomeExit(APIObject):
    """The command exited with ``exit_code``."""

    exit_code: int
    type: Literal["exit"]


Outcome: TypeAlias = Annotated[OutcomeTimeout | OutcomeExit, Field(discriminator="type")]


class ResponseFunctionShellCallOutputContent(APIObject):
    """What one command printed, and how it ended."""

    outcome: Outcome
    stderr: str
    stdout: str
