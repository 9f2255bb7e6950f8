"""``client.beta``: the older spelling ``client.beta.chat.completions.parse / stream``.

The official package kept structured outputs under ``beta`` before they moved to
``client.chat.completions``; programs written then still use it. It is the same resource.
"""

from __future__ import annotations

from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources.chat import AsyncChat, Chat

__all__ = ["AsyncBeta", "Beta"]


class Beta(SyncResource):
    """``client.beta`` of a ``Client``."""

    @property
    def chat(self) -> Chat:
        """The same as ``client.chat``: ``beta.chat.completions.parse`` is ``chat.completions.parse``."""
        return self._sub(Chat)


class AsyncBeta(AsyncResource):
    """``client.beta`` of an ``AsyncClient``."""

    @property
    def chat(self) -> AsyncChat:
        """The same as ``client.chat``: ``beta.chat.completions.parse`` is ``chat.completions.parse``."""
        return self._sub(AsyncChat)
