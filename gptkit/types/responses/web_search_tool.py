"""``WebSearchTool``: search the web, as a response lists its tools."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["Filters", "UserLocation", "WebSearchTool"]


class Filters(APIObject):
    """The domains the search may read."""

    allowed_domains: list[str] | None = None


class UserLocation(APIObject):
    """The user's approximate location, to localise results."""

    city: str | None = None
    country: str | None = None
    region: str | None = None
    timezone: str | None = None
    type: str | None = None


class WebSearchTool(APIObject):
    """Search the web (``web_search`` and its dated versions)."""

    type: str = "web_search"
    external_web_access: bool | None = None
    filters: Filters | None = None
    search_context_size: str | None = None
    user_location: UserLocation | None = None
