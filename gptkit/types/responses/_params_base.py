"""Shared pieces of the Responses API's request TypedDicts (private)."""

from __future__ import annotations

from pydantic import ConfigDict

__all__ = ["CLOSED", "OPEN"]

#: Nested request objects may carry fields newer than gptkit (they are sent as they are)...
OPEN = ConfigDict(extra="allow")
#: ... but a call's top-level parameters may not: a misspelt one is an error naming it.
CLOSED = ConfigDict(extra="forbid")
