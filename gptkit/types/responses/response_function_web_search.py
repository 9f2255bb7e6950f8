"""A web search the model ran (``web_search_call`` output item)."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.responses._tagged import UNKNOWN, by_type

__all__ = [
    "Action",
    "ActionFind",
    "ActionOpenPage",
    "ActionSearch",
    "ActionSearchSource",
    "ResponseFunctionWebSearch",
    "UnknownAction",
]


class ActionSearchSource(APIObject):
    """A page the search used."""

    type: str = "url"
    url: str = ""


class ActionSearch(APIObject):
    """A search query (``include=["web_search_call.action.sources"]`` adds its sources)."""

    type: Literal["search"] = "search"
    queries: list[str] | None = None
    query: str | None = None
    sources: list[ActionSearchSource] | None = None


class ActionOpenPage(APIObject):
    """A page opened from the results."""

    type: Literal["open_page"] = "open_page"
    url: str | None = None


class ActionFind(APIObject):
    """A search for ``pattern`` in an opened page."""

    pattern: str = ""
    type: Literal["find_in_page"] = "find_in_page"
    url: str = ""


class UnknownAction(APIObject):
    """A web search action of a type this version of gptkit does not know."""

    type: str


_ACTIONS = (
    Annotated[ActionSearch, Tag("search")]
    | Annotated[ActionOpenPage, Tag("open_page")]
    | Annotated[ActionFind, Tag("find_in_page")]
    | Annotated[UnknownAction, Tag(UNKNOWN)]
)
Action: TypeAlias = Annotated[_ACTIONS, by_type(_ACTIONS)]


class ResponseFunctionWebSearch(APIObject):
    """A web search call; ``status`` is ``in_progress``, ``searching``, ``completed`` or ``failed``."""

    id: str = ""
    action: Action | None = None
    status: str | None = None
    type: Literal["web_search_call"] = "web_search_call"
