"""Why a call of a remote MCP server's tool failed (``McpCall.error``), by ``type``."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import APIObject, type_tag

__all__ = ["HTTPError", "McpProtocolError", "McpToolCallError", "McpToolExecutionError"]


class McpProtocolError(APIObject):
    """The MCP server broke the protocol (also any error ``type`` gptkit does not know)."""

    code: int = 0
    message: str = ""
    type: str = "mcp_protocol_error"


class McpToolExecutionError(APIObject):
    """The tool ran and failed: ``content`` is what it returned."""

    content: Any = None
    type: Literal["mcp_tool_execution_error"] = "mcp_tool_execution_error"


class HTTPError(APIObject):
    """The MCP server answered with an HTTP error ``code``."""

    code: int = 0
    message: str = ""
    type: Literal["http_error"] = "http_error"


McpToolCallError: TypeAlias = Annotated[
    Annotated[McpProtocolError, Tag("mcp_protocol_error")]
    | Annotated[McpToolExecutionError, Tag("mcp_tool_execution_error")]
    | Annotated[HTTPError, Tag("http_error")],
    Discriminator(type_tag(
        frozenset({"mcp_protocol_error", "mcp_tool_execution_error", "http_error"}), "mcp_protocol_error"
    )),
]
