"""``WebSearchPreviewTool``: the preview web search, as a response lists its tools."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["UserLocation", "WebSearchPreviewTool"]


class UserLocation(APIObject):
    """The user's approximate location, to localise results."""

    type: str = "approximate"
    city: str | None = None
    country: str | None = None
    region: str | None = None
    timezone: str | None = None


class WebSearchPreviewTool(APIObject):
    """Search the web (the preview tool and its dated versions)."""

    type: str = "web_search_preview"
    search_content_types: list[str] | None = None
    search_context_size: str | None = None
    user_location: UserLocation | None = None
