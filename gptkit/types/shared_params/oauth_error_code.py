"""``OAuthErrorCode`` for request parameters (the same alias as ``gptkit.types.shared``'s)."""

from __future__ import annotations

from gptkit.types.shared.oauth_error_code import OAuthErrorCode

__all__ = ["OAuthErrorCode"]
