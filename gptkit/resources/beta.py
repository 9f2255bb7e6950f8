"""``client.beta``: the older spelling ``client.beta.chat.completions.parse / stream``, and the
beta Responses API (``client.beta.responses``: multi-agent responses).

The official package kept structured outputs under ``beta`` before they moved to
``client.chat.completions``; programs written then still use it. It is the same resource.
``beta.responses`` loads with its first use (the beta types are many; most programs never need
them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from gptkit.resources._resource import AsyncResource, Sub, SyncResource, _Resource
from gptkit.resources.chat import AsyncChat, Chat

if TYPE_CHECKING:
    from gptkit.resources.beta_responses import AsyncBetaResponses, BetaResponses

__all__ = ["AsyncBeta", "Beta"]


class _BetaSpace(_Resource):
    chat: Final = Sub(Chat, AsyncChat)
    """The same as ``client.chat``: ``beta.chat.completions.parse`` is ``chat.completions.parse``."""


class Beta(_BetaSpace, SyncResource):
    """``client.beta`` of a ``Client``."""

    @property
    def responses(self) -> BetaResponses:
        """The beta Responses API: ``client.responses``' calls with the beta parameters
        (``multi_agent``, ``betas``) and types (each item's and event's ``agent``)."""
        from gptkit.resources.beta_responses import BetaResponses

        return self._sub(BetaResponses)


class AsyncBeta(_BetaSpace, AsyncResource):
    """``client.beta`` of an ``AsyncClient``."""

    @property
    def responses(self) -> AsyncBetaResponses:
        """The beta Responses API (see ``Beta.responses``)."""
        from gptkit.resources.beta_responses import AsyncBetaResponses

        return self._sub(AsyncBetaResponses)
