"""``client.beta``: the older spelling ``client.beta.chat.completions.parse / stream``.

The official package kept structured outputs under ``beta`` before they moved to
``client.chat.completions``; programs written then still use it. It is the same resource.
"""

from __future__ import annotations

from typing import Final

from gptkit.resources._resource import AsyncResource, Sub, SyncResource, _Resource
from gptkit.resources.chat import AsyncChat, Chat

__all__ = ["AsyncBeta", "Beta"]


class _BetaSpace(_Resource):
    chat: Final = Sub(Chat, AsyncChat)
    """The same as ``client.chat``: ``beta.chat.completions.parse`` is ``chat.completions.parse``."""


class Beta(_BetaSpace, SyncResource):
    """``client.beta`` of a ``Client``."""


class AsyncBeta(_BetaSpace, AsyncResource):
    """``client.beta`` of an ``AsyncClient``."""
