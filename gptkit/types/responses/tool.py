"""``Tool``: the tools a response was given (``response.tools``), by ``type``.

A tool of a ``type`` this version of gptkit does not know becomes ``UnknownTool`` (every field kept).
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import APIObject, type_tag
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.apply_patch_tool import ApplyPatchTool
from gptkit.types.responses.computer_tool import ComputerTool
from gptkit.types.responses.computer_use_preview_tool import ComputerUsePreviewTool
from gptkit.types.responses.container_network_policy_allowlist import ContainerNetworkPolicyAllowlist
from gptkit.types.responses.container_network_policy_disabled import ContainerNetworkPolicyDisabled
from gptkit.types.responses.custom_tool import CustomTool
from gptkit.types.responses.file_search_tool import FileSearchTool
from gptkit.types.responses.function_shell_tool import FunctionShellTool
from gptkit.types.responses.function_tool import FunctionTool
from gptkit.types.responses.namespace_tool import NamespaceTool
from gptkit.types.responses.tool_search_tool import ToolSearchTool
from gptkit.types.responses.web_search_preview_tool import WebSearchPreviewTool
from gptkit.types.responses.web_search_tool import WebSearchTool

__all__ = [
    "ApplyPatchTool",
    "CodeInterpreter",
    "CodeInterpreterContainer",
    "CodeInterpreterContainerCodeInterpreterToolAuto",
    "CodeInterpreterContainerCodeInterpreterToolAutoNetworkPolicy",
    "ComputerTool",
    "ComputerUsePreviewTool",
    "CustomTool",
    "FileSearchTool",
    "FunctionShellTool",
    "FunctionTool",
    "ImageGeneration",
    "ImageGenerationInputImageMask",
    "ImageGenerationSvg",
    "ImageGenerationSvgReasoning",
    "LocalShell",
    "Mcp",
    "McpAllowedTools",
    "McpAllowedToolsMcpToolFilter",
    "McpRequireApproval",
    "McpRequireApprovalMcpToolApprovalFilter",
    "McpRequireApprovalMcpToolApprovalFilterAlways",
    "McpRequireApprovalMcpToolApprovalFilterNever",
    "NamespaceTool",
    "ProgrammaticToolCalling",
    "Tool",
    "ToolSearchTool",
    "UnknownTool",
    "WebSearchPreviewTool",
    "WebSearchTool",
]

class McpAllowedToolsMcpToolFilter(APIObject):
    """The MCP server's tools the model may use: by name, or only the read-only ones."""

    read_only: bool | None = None
    tool_names: list[str] | None = None

class McpRequireApprovalMcpToolApprovalFilterAlways(APIObject):
    """The MCP tools that always need approval."""

    read_only: bool | None = None
    tool_names: list[str] | None = None

class McpRequireApprovalMcpToolApprovalFilterNever(APIObject):
    """The MCP tools that never need approval."""

    read_only: bool | None = None
    tool_names: list[str] | None = None

class McpRequireApprovalMcpToolApprovalFilter(APIObject):
    """Which MCP tools need approval (``always``) and which do not (``never``)."""

    always: McpRequireApprovalMcpToolApprovalFilterAlways | None = None
    never: McpRequireApprovalMcpToolApprovalFilterNever | None = None

#: The tools of an MCP server the model may use: names, or a filter.
McpAllowedTools: TypeAlias = list[str] | McpAllowedToolsMcpToolFilter
#: Which calls need approval: a filter, or ``always`` / ``never``.
McpRequireApproval: TypeAlias = McpRequireApprovalMcpToolApprovalFilter | str

class Mcp(APIObject):
    """The tools of a remote MCP server (or a connector)."""

    server_label: str = ""
    type: Literal["mcp"] = "mcp"
    allowed_callers: list[str] | None = None
    allowed_tools: McpAllowedTools | None = None
    authorization: str | None = None
    connector_id: str | None = None
    defer_loading: bool | None = None
    headers: dict[str, str] | None = None
    require_approval: McpRequireApproval | None = None
    server_description: str | None = None
    server_url: str | None = None
    tunnel_id: str | None = None

#: A code container's network access, by ``type`` (``disabled`` or an ``allowlist``).
CodeInterpreterContainerCodeInterpreterToolAutoNetworkPolicy: TypeAlias = Annotated[
    Annotated[ContainerNetworkPolicyDisabled, Tag("disabled")]
    | Annotated[ContainerNetworkPolicyAllowlist, Tag("allowlist")],
    Discriminator(type_tag(frozenset({"disabled", "allowlist"}), "allowlist")),
]

class CodeInterpreterContainerCodeInterpreterToolAuto(APIObject):
    """A container made for the call, with the given files, memory and network access."""

    type: str = "auto"
    file_ids: list[str] | None = None
    memory_limit: str | None = None
    network_policy: CodeInterpreterContainerCodeInterpreterToolAutoNetworkPolicy | None = None

#: A container id, or a container made for the call.
CodeInterpreterContainer: TypeAlias = str | CodeInterpreterContainerCodeInterpreterToolAuto

class CodeInterpreter(APIObject):
    """Run Python in a container (``container``: an id or ``{"type": "auto", ...}``)."""

    container: CodeInterpreterContainer = "auto"
    type: Literal["code_interpreter"] = "code_interpreter"
    allowed_callers: list[str] | None = None

class ProgrammaticToolCalling(APIObject):
    """Let the model call tools from a program it writes."""

    type: Literal["programmatic_tool_calling"] = "programmatic_tool_calling"

class ImageGenerationInputImageMask(APIObject):
    """The mask of an image edit: by ``image_url`` or ``file_id``."""

    file_id: str | None = None
    image_url: str | None = None

class ImageGenerationSvgReasoning(APIObject):
    """How hard the model works on an SVG image."""

    effort: str | None = None

class ImageGenerationSvg(APIObject):
    """The settings of SVG output."""

    model: str | None = None
    reasoning: ImageGenerationSvgReasoning | None = None

class ImageGeneration(APIObject):
    """Generate images."""

    type: Literal["image_generation"] = "image_generation"
    action: str | None = None
    background: str | None = None
    complexity: str | None = None
    frame_count: int | None = None
    frame_duration_ms: int | None = None
    input_fidelity: str | None = None
    input_image_mask: ImageGenerationInputImageMask | None = None
    model: str | None = None
    moderation: str | None = None
    output_compression: int | None = None
    output_format: str | None = None
    partial_images: int | None = None
    quality: str | None = None
    size: str | None = None
    svg: ImageGenerationSvg | None = None

class LocalShell(APIObject):
    """Run shell commands on the caller's machine (``local_shell``)."""

    type: Literal["local_shell"] = "local_shell"

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
    | Annotated[ProgrammaticToolCalling, Tag("programmatic_tool_calling")]
    | Annotated[ImageGeneration, Tag("image_generation")]
    | Annotated[LocalShell, Tag("local_shell")]
    | Annotated[Mcp, Tag("mcp")]
    | Annotated[CustomTool, Tag("custom")]
    | Annotated[ApplyPatchTool, Tag("apply_patch")]
    | Annotated[FunctionShellTool, Tag("shell")]
    | Annotated[NamespaceTool, Tag("namespace")]
    | Annotated[ToolSearchTool, Tag("tool_search")]
    | Annotated[UnknownTool, Tag(UNKNOWN)]
)
Tool: TypeAlias = Annotated[_TOOLS, by_type(_TOOLS)]
