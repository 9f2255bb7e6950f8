"""``Tool``: the tools a response was given (``response.tools``), by ``type``.

A tool of a ``type`` this version of gptkit does not know becomes ``UnknownTool`` (every field kept).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.responses._tagged import UNKNOWN, by_type

__all__ = [
    "CodeInterpreter",
    "ComputerTool",
    "ComputerUsePreviewTool",
    "CustomTool",
    "FileSearchTool",
    "FunctionTool",
    "ImageGeneration",
    "Mcp",
    "Tool",
    "UnknownTool",
    "WebSearchPreviewTool",
    "WebSearchTool",
]


class FunctionTool(APIObject):
    """One of the caller's functions: ``parameters`` is its JSON schema."""

    type: Literal["function"] = "function"
    name: str = ""
    description: str | None = None
    parameters: dict[str, Any] | None = None
    strict: bool | None = None


class FileSearchTool(APIObject):
    """Search in the caller's vector stores."""

    type: Literal["file_search"] = "file_search"
    vector_store_ids: list[str] = []
    max_num_results: int | None = None
    filters: Any = None
    ranking_options: Any = None


class WebSearchTool(APIObject):
    """Search the web (``web_search`` and its dated versions)."""

    type: str = "web_search"
    search_context_size: str | None = None
    filters: Any = None
    user_location: Any = None


class WebSearchPreviewTool(APIObject):
    """Search the web (the preview tool and its dated versions)."""

    type: str = "web_search_preview"
    search_context_size: str | None = None
    user_location: Any = None


class ComputerTool(APIObject):
    """Operate a computer (the ``computer`` tool)."""

    type: Literal["computer"] = "computer"


class ComputerUsePreviewTool(APIObject):
    """Operate a virtual computer of the given display size (``computer_use_preview``)."""

    type: Literal["computer_use_preview"] = "computer_use_preview"
    display_width: int | None = None
    display_height: int | None = None
    environment: str | None = None


class CodeInterpreter(APIObject):
    """Run Python in a container (``container``: an id or ``{"type": "auto", ...}``)."""

    type: Literal["code_interpreter"] = "code_interpreter"
    container: Any = None


class ImageGeneration(APIObject):
    """Generate images."""

    type: Literal["image_generation"] = "image_generation"
    model: str | None = None
    quality: str | None = None
    size: str | None = None
    output_format: str | None = None
    background: str | None = None
    partial_images: int | None = None


class Mcp(APIObject):
    """The tools of a remote MCP server (or a connector)."""

    type: Literal["mcp"] = "mcp"
    server_label: str = ""
    server_url: str | None = None
    connector_id: str | None = None
    server_description: str | None = None
    allowed_tools: Any = None
    require_approval: Any = None
    headers: dict[str, str] | None = None


class CustomTool(APIObject):
    """One of the caller's free-form tools (text input, optionally constrained by a grammar)."""

    type: Literal["custom"] = "custom"
    name: str = ""
    description: str | None = None
    format: Any = None


class UnknownTool(APIObject):
    """A tool of a ``type`` this version of gptkit does not know (every field kept)."""

    type: str


_TOOLS = (
    Annotated[FunctionTool, Tag("function")]
    | Annotated[FileSearchTool, Tag("file_search")]
    | Annotated[WebSearchTool, Tag("web_search")]
    | Annotated[WebSearchTool, Tag("web_search_2025_08_26")]
    | Annotated[WebSearchPreviewTool, Tag("web_search_preview")]
    | Annotated[WebSearchPreviewTool, Tag("web_search_preview_2025_03_11")]
    | Annotated[ComputerTool, Tag("computer")]
    | Annotated[ComputerUsePreviewTool, Tag("computer_use_preview")]
    | Annotated[CodeInterpreter, Tag("code_interpreter")]
    | Annotated[ImageGeneration, Tag("image_generation")]
    | Annotated[Mcp, Tag("mcp")]
    | Annotated[CustomTool, Tag("custom")]
    | Annotated[UnknownTool, Tag(UNKNOWN)]
)
Tool: TypeAlias = Annotated[_TOOLS, by_type(_TOOLS)]
