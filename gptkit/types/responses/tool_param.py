"""``ToolParam``: the tools a request offers the model, by ``type``.

Tools of a ``type`` gptkit does not know are sent as they are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import Tag, with_config
from typing_extensions import Required, TypedDict

from gptkit.types.responses._params_base import OPEN
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.function_tool_param import FunctionToolParam

__all__ = [
    "CodeInterpreter",
    "ComputerUsePreviewToolParam",
    "CustomToolParam",
    "FileSearchToolParam",
    "ImageGeneration",
    "LocalShell",
    "Mcp",
    "ToolParam",
    "WebSearchPreviewToolParam",
    "WebSearchToolParam",
]


@with_config(OPEN)
class FileSearchToolParam(TypedDict, total=False):
    """Search the given vector stores."""

    type: Required[Literal["file_search"]]
    vector_store_ids: Required[Sequence[str]]
    max_num_results: int
    filters: Mapping[str, Any] | None
    ranking_options: Mapping[str, Any]


@with_config(OPEN)
class WebSearchToolParam(TypedDict, total=False):
    """Search the web."""

    type: Required[Literal["web_search", "web_search_2025_08_26"]]
    search_context_size: Literal["low", "medium", "high"]
    filters: Mapping[str, Any] | None
    user_location: Mapping[str, Any] | None


@with_config(OPEN)
class WebSearchPreviewToolParam(TypedDict, total=False):
    """Search the web (preview tool)."""

    type: Required[Literal["web_search_preview", "web_search_preview_2025_03_11"]]
    search_context_size: Literal["low", "medium", "high"]
    user_location: Mapping[str, Any] | None


@with_config(OPEN)
class ComputerUsePreviewToolParam(TypedDict, total=False):
    """Operate a virtual computer of the given display size."""

    type: Required[Literal["computer_use_preview"]]
    display_width: Required[int]
    display_height: Required[int]
    environment: Required[str]


@with_config(OPEN)
class CodeInterpreter(TypedDict, total=False):
    """Run Python in a container: a container id, or ``{"type": "auto"}`` for a new one."""

    type: Required[Literal["code_interpreter"]]
    container: Required[str | Mapping[str, Any]]


@with_config(OPEN)
class ImageGeneration(TypedDict, total=False):
    """Generate images."""

    type: Required[Literal["image_generation"]]
    model: str
    quality: str
    size: str
    output_format: str
    background: str
    partial_images: int


@with_config(OPEN)
class Mcp(TypedDict, total=False):
    """The tools of a remote MCP server (``server_url``) or a connector (``connector_id``)."""

    type: Required[Literal["mcp"]]
    server_label: Required[str]
    server_url: str
    connector_id: str
    server_description: str
    authorization: str
    allowed_tools: Sequence[str] | Mapping[str, Any] | None
    require_approval: str | Mapping[str, Any] | None
    headers: Mapping[str, str] | None


@with_config(OPEN)
class CustomToolParam(TypedDict, total=False):
    """A free-form tool (text input, optionally constrained by a grammar ``format``)."""

    type: Required[Literal["custom"]]
    name: Required[str]
    description: str
    format: Mapping[str, Any]


@with_config(OPEN)
class LocalShell(TypedDict, total=False):
    """Let the model ask the caller to run shell commands."""

    type: Required[Literal["local_shell"]]


if TYPE_CHECKING:
    ToolParam: TypeAlias = (
        FunctionToolParam
        | FileSearchToolParam
        | WebSearchToolParam
        | WebSearchPreviewToolParam
        | ComputerUsePreviewToolParam
        | CodeInterpreter
        | ImageGeneration
        | Mcp
        | CustomToolParam
        | LocalShell
    )
else:
    _TOOLS = (
        Annotated[FunctionToolParam, Tag("function")]
        | Annotated[FileSearchToolParam, Tag("file_search")]
        | Annotated[WebSearchToolParam, Tag("web_search")]
        | Annotated[WebSearchToolParam, Tag("web_search_2025_08_26")]
        | Annotated[WebSearchPreviewToolParam, Tag("web_search_preview")]
        | Annotated[WebSearchPreviewToolParam, Tag("web_search_preview_2025_03_11")]
        | Annotated[ComputerUsePreviewToolParam, Tag("computer_use_preview")]
        | Annotated[CodeInterpreter, Tag("code_interpreter")]
        | Annotated[ImageGeneration, Tag("image_generation")]
        | Annotated[Mcp, Tag("mcp")]
        | Annotated[CustomToolParam, Tag("custom")]
        | Annotated[LocalShell, Tag("local_shell")]
        | Annotated[dict[str, Any], Tag(UNKNOWN)]
    )
    ToolParam = Annotated[_TOOLS, by_type(_TOOLS)]
