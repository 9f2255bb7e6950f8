"""``OAuthErrorCode``: the ``error`` of a token endpoint that refused a workload identity
(``gptkit.OAuthError.error``)."""

from __future__ import annotations

from gptkit._exceptions._auth import OAuthErrorCode

__all__ = ["OAuthErrorCode"]
